package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** Tags were added and/or removed; {@code tags} is the complete set afterwards, sorted. */
@Revision("1")
public record QuestionTagsChangedEvent(
        QuestionId questionId,
        ProposalId proposalId,
        int revision,
        List<String> added,
        List<String> removed,
        List<String> tags)
        implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.tagsChanged(this);
    }
}
