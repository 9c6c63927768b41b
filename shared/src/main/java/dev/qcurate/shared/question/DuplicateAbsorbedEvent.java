package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The target question (this aggregate) took in a merged duplicate: its text as an alias, and the tags it lacked. */
@Revision("1")
public record DuplicateAbsorbedEvent(
        QuestionId questionId,
        QuestionId sourceId,
        ProposalId proposalId,
        int revision,
        String alias,
        List<String> addedTags,
        List<String> tags)
        implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.absorbed(this);
    }
}
