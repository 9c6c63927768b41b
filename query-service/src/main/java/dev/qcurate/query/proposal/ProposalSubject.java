package dev.qcurate.query.proposal;

import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.proposal.ProposedChange.ListEntryAddition;
import dev.qcurate.shared.proposal.ProposedChange.ListEntryMove;
import dev.qcurate.shared.proposal.ProposedChange.ListEntryRemoval;
import dev.qcurate.shared.proposal.ProposedChange.Merge;
import dev.qcurate.shared.proposal.ProposedChange.NewQuestion;
import dev.qcurate.shared.proposal.ProposedChange.Retirement;
import dev.qcurate.shared.proposal.ProposedChange.Revert;
import dev.qcurate.shared.proposal.ProposedChange.Rewording;
import dev.qcurate.shared.proposal.ProposedChange.TagChange;
import dev.qcurate.shared.proposal.ProposedChange.TagRename;
import dev.qcurate.shared.proposal.ProposedChange.Unmerge;
import dev.qcurate.shared.question.QuestionId;

import java.util.UUID;

/**
 * What a proposal is about, as the {@code proposal} row's {@code question_id} and {@code list_id} hold it: the new,
 * reworded, tagged, retired, merged (source), reverted or listed question, and the list it touches. Either may be
 * null (a tag rename is about neither).
 */
record ProposalSubject(UUID question, UUID list) {

    static ProposalSubject of(ProposedChange change) {
        return change.accept(SUBJECT);
    }

    private static ProposalSubject of(QuestionId question, CuratedListId list) {
        return new ProposalSubject(question == null ? null : question.value(), list == null ? null : list.value());
    }

    private static final ProposedChange.Visitor<ProposalSubject> SUBJECT = new ProposedChange.Visitor<>() {
        @Override
        public ProposalSubject newQuestion(NewQuestion c) {
            return of(c.questionId(), c.listId());
        }

        @Override
        public ProposalSubject rewording(Rewording c) {
            return of(c.questionId(), null);
        }

        @Override
        public ProposalSubject tagChange(TagChange c) {
            return of(c.questionId(), null);
        }

        @Override
        public ProposalSubject retirement(Retirement c) {
            return of(c.questionId(), null);
        }

        @Override
        public ProposalSubject merge(Merge c) {
            return of(c.sourceId(), null);
        }

        @Override
        public ProposalSubject unmerge(Unmerge c) {
            return of(c.sourceId(), null);
        }

        @Override
        public ProposalSubject listEntryAddition(ListEntryAddition c) {
            return of(c.questionId(), c.listId());
        }

        @Override
        public ProposalSubject listEntryRemoval(ListEntryRemoval c) {
            return of(c.questionId(), c.listId());
        }

        @Override
        public ProposalSubject listEntryMove(ListEntryMove c) {
            return of(c.questionId(), c.listId());
        }

        @Override
        public ProposalSubject tagRename(TagRename c) {
            return of(null, null);
        }

        @Override
        public ProposalSubject revert(Revert c) {
            return of(c.questionId(), null);
        }
    };
}
