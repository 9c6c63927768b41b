package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

/** An ACTIVE question was retired and drops out of every list. */
@Revision("1")
public record QuestionRetiredEvent(QuestionId questionId, ProposalId proposalId, int revision, String reason)
        implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.retired(this);
    }
}
