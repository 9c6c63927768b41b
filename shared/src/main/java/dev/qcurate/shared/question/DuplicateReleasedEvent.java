package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The target question (this aggregate) gave back what a merge added: the alias and the tags that came only from the source. */
@Revision("1")
public record DuplicateReleasedEvent(
        QuestionId questionId,
        QuestionId sourceId,
        ProposalId proposalId,
        int revision,
        String alias,
        List<String> removedTags,
        List<String> tags)
        implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.released(this);
    }
}
