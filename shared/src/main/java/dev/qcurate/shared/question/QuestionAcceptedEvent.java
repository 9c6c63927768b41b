package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

/** A proposed question was approved and is now ACTIVE. */
@Revision("1")
public record QuestionAcceptedEvent(QuestionId questionId, ProposalId proposalId) implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.accepted(this);
    }
}
