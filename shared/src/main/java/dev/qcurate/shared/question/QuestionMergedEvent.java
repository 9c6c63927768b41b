package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

/** The source question (this aggregate) was merged into {@code targetId}; lists show the target in its place. */
@Revision("1")
public record QuestionMergedEvent(QuestionId questionId, QuestionId targetId, ProposalId proposalId, int revision)
        implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.merged(this);
    }
}
