package dev.qcurate.shared.curatedlist;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionId;
import org.axonframework.serialization.Revision;

/** A question was removed from the list. */
@Revision("1")
public record ListEntryRemovedEvent(CuratedListId listId, QuestionId questionId, ProposalId proposalId)
        implements CuratedListEvent {
    @Override
    public <R> R accept(CuratedListEvent.Visitor<R> visitor) {
        return visitor.entryRemoved(this);
    }
}
