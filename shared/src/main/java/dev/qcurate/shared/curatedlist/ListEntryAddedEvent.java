package dev.qcurate.shared.curatedlist;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionId;
import org.axonframework.serialization.Revision;

/** A question was added at {@code index} (0-based). */
@Revision("1")
public record ListEntryAddedEvent(CuratedListId listId, QuestionId questionId, int index, ProposalId proposalId)
        implements CuratedListEvent {
    @Override
    public <R> R accept(CuratedListEvent.Visitor<R> visitor) {
        return visitor.entryAdded(this);
    }
}
