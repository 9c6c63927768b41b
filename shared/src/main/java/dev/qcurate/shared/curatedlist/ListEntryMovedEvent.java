package dev.qcurate.shared.curatedlist;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionId;
import org.axonframework.serialization.Revision;

/** A question moved to {@code toIndex} (0-based). */
@Revision("1")
public record ListEntryMovedEvent(
        CuratedListId listId, QuestionId questionId, int fromIndex, int toIndex, ProposalId proposalId)
        implements CuratedListEvent {
    @Override
    public <R> R accept(CuratedListEvent.Visitor<R> visitor) {
        return visitor.entryMoved(this);
    }
}
