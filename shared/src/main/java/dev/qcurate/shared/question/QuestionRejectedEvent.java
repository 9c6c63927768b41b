package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

/** A proposed question was rejected and is now REJECTED. */
@Revision("1")
public record QuestionRejectedEvent(QuestionId questionId, ProposalId proposalId, String reason)
        implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.rejected(this);
    }
}
