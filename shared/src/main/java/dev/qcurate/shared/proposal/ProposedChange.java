package dev.qcurate.shared.proposal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.SourceRef;

import java.util.List;

/**
 * What a proposal would change once approved. Serialised with a {@code kind} property naming the variant.
 * Changes to an existing question carry the revision they were made against, so approval can detect staleness.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ProposedChange.NewQuestion.class, name = "NEW_QUESTION"),
    @JsonSubTypes.Type(value = ProposedChange.Rewording.class, name = "REWORDING"),
    @JsonSubTypes.Type(value = ProposedChange.TagChange.class, name = "TAG_CHANGE"),
    @JsonSubTypes.Type(value = ProposedChange.Retirement.class, name = "RETIREMENT"),
    @JsonSubTypes.Type(value = ProposedChange.Merge.class, name = "MERGE"),
    @JsonSubTypes.Type(value = ProposedChange.Unmerge.class, name = "UNMERGE"),
    @JsonSubTypes.Type(value = ProposedChange.ListEntryAddition.class, name = "LIST_ENTRY_ADDITION"),
    @JsonSubTypes.Type(value = ProposedChange.ListEntryRemoval.class, name = "LIST_ENTRY_REMOVAL"),
    @JsonSubTypes.Type(value = ProposedChange.ListEntryMove.class, name = "LIST_ENTRY_MOVE"),
    @JsonSubTypes.Type(value = ProposedChange.TagRename.class, name = "TAG_RENAME"),
    @JsonSubTypes.Type(value = ProposedChange.Revert.class, name = "REVERT"),
})
public sealed interface ProposedChange {

    ProposalType type();

    /** Calls the visitor's method for this change's variant. */
    <R> R accept(Visitor<R> visitor);

    /** What a consumer does with each variant: a new variant breaks the build of every consumer until it handles it. */
    interface Visitor<R> {
        R newQuestion(NewQuestion c);

        R rewording(Rewording c);

        R tagChange(TagChange c);

        R retirement(Retirement c);

        R merge(Merge c);

        R unmerge(Unmerge c);

        R listEntryAddition(ListEntryAddition c);

        R listEntryRemoval(ListEntryRemoval c);

        R listEntryMove(ListEntryMove c);

        R tagRename(TagRename c);

        R revert(Revert c);
    }

    /** A new question; when {@code listId} is set, approval also appends it to that list (imports do this). */
    record NewQuestion(QuestionId questionId, String text, List<String> tags, SourceRef source, CuratedListId listId)
            implements ProposedChange {
        public ProposalType type() {
            return ProposalType.NEW_QUESTION;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.newQuestion(this);
        }
    }

    record Rewording(QuestionId questionId, String text, int baseRevision) implements ProposedChange {
        public ProposalType type() {
            return ProposalType.REWORDING;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rewording(this);
        }
    }

    record TagChange(QuestionId questionId, List<String> add, List<String> remove, int baseRevision)
            implements ProposedChange {
        public ProposalType type() {
            return ProposalType.TAG_CHANGE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.tagChange(this);
        }
    }

    record Retirement(QuestionId questionId, String reason, int baseRevision) implements ProposedChange {
        public ProposalType type() {
            return ProposalType.RETIREMENT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.retirement(this);
        }
    }

    /** Merge {@code sourceId} into {@code targetId}; both revisions are the ones the proposer saw. */
    record Merge(QuestionId sourceId, QuestionId targetId, int sourceRevision, int targetRevision)
            implements ProposedChange {
        public ProposalType type() {
            return ProposalType.MERGE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.merge(this);
        }
    }

    record Unmerge(QuestionId sourceId, int baseRevision) implements ProposedChange {
        public ProposalType type() {
            return ProposalType.UNMERGE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unmerge(this);
        }
    }

    /** Add a question to a list at {@code index} (0-based), or at the end when {@code index} is null. */
    record ListEntryAddition(CuratedListId listId, QuestionId questionId, Integer index) implements ProposedChange {
        public ProposalType type() {
            return ProposalType.LIST_ENTRY;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.listEntryAddition(this);
        }
    }

    record ListEntryRemoval(CuratedListId listId, QuestionId questionId) implements ProposedChange {
        public ProposalType type() {
            return ProposalType.LIST_ENTRY;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.listEntryRemoval(this);
        }
    }

    record ListEntryMove(CuratedListId listId, QuestionId questionId, int index) implements ProposedChange {
        public ProposalType type() {
            return ProposalType.LIST_ENTRY;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.listEntryMove(this);
        }
    }

    /**
     * Rename the tags in {@code from} to {@code to} on every question carrying them (one tag: a rename; several: a
     * merge). Each old name stays as a synonym of {@code to}.
     */
    record TagRename(List<String> from, String to) implements ProposedChange {
        public ProposalType type() {
            return ProposalType.TAG_RENAME;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.tagRename(this);
        }
    }

    /**
     * Return a question to revision {@code toRevision}: its {@code text} and {@code tags}, captured when the proposal
     * was made so reviewers see what they approve. Applied as a new revision on top of {@code baseRevision}.
     */
    record Revert(QuestionId questionId, int toRevision, String text, List<String> tags, int baseRevision)
            implements ProposedChange {
        public ProposalType type() {
            return ProposalType.REVERT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.revert(this);
        }
    }
}
