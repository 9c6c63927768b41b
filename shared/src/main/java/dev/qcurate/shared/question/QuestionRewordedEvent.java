package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

/** The question's text changed; {@code revision} is the new revision, {@code previousText} what it replaced. */
@Revision("1")
public record QuestionRewordedEvent(
        QuestionId questionId, ProposalId proposalId, int revision, String text, String previousText, String proposedBy)
        implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.reworded(this);
    }
}
