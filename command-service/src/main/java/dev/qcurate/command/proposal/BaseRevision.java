package dev.qcurate.command.proposal;

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

import java.util.Optional;

/**
 * The question revision a change was made against: approval applies it only while the question is still at that
 * revision. Changes that do not edit one question (new questions, list entries, tag renames) have none.
 */
record BaseRevision(QuestionId question, int revision) {

    static Optional<BaseRevision> of(ProposedChange change) {
        return change.accept(BASE);
    }

    private static final ProposedChange.Visitor<Optional<BaseRevision>> BASE = new ProposedChange.Visitor<>() {
        @Override
        public Optional<BaseRevision> newQuestion(NewQuestion c) {
            return Optional.empty();
        }

        @Override
        public Optional<BaseRevision> rewording(Rewording c) {
            return base(c.questionId(), c.baseRevision());
        }

        @Override
        public Optional<BaseRevision> tagChange(TagChange c) {
            return base(c.questionId(), c.baseRevision());
        }

        @Override
        public Optional<BaseRevision> retirement(Retirement c) {
            return base(c.questionId(), c.baseRevision());
        }

        @Override
        public Optional<BaseRevision> merge(Merge c) {
            return base(c.sourceId(), c.sourceRevision());
        }

        @Override
        public Optional<BaseRevision> unmerge(Unmerge c) {
            return base(c.sourceId(), c.baseRevision());
        }

        @Override
        public Optional<BaseRevision> listEntryAddition(ListEntryAddition c) {
            return Optional.empty();
        }

        @Override
        public Optional<BaseRevision> listEntryRemoval(ListEntryRemoval c) {
            return Optional.empty();
        }

        @Override
        public Optional<BaseRevision> listEntryMove(ListEntryMove c) {
            return Optional.empty();
        }

        @Override
        public Optional<BaseRevision> tagRename(TagRename c) {
            return Optional.empty(); // the vocabulary has no revision; each question's rename is applied as it is
        }

        @Override
        public Optional<BaseRevision> revert(Revert c) {
            return base(c.questionId(), c.baseRevision());
        }

        private Optional<BaseRevision> base(QuestionId question, int revision) {
            return Optional.of(new BaseRevision(question, revision));
        }
    };
}
