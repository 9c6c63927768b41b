package dev.qcurate.command.proposal;

import dev.qcurate.command.question.Tags;
import dev.qcurate.shared.proposal.AmendProposalCommand;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.proposal.ProposedChange.NewQuestion;
import dev.qcurate.shared.proposal.ProposedChange.Rewording;
import dev.qcurate.shared.proposal.ProposedChange.TagChange;

import java.util.List;
import java.util.TreeSet;

/**
 * Which proposals can be amended, and into what: a rewording into another text, a tag change into other tags, of the
 * same question; a new question into another text and/or other tags (its question aggregate follows, see
 * {@link ProposalCollaboration}).
 */
final class Amendments {

    private Amendments() {}

    static void requireAmendable(ProposedChange current) {
        if (!(current instanceof Rewording) && !(current instanceof TagChange) && !(current instanceof NewQuestion)) {
            throw new IllegalArgumentException("only new questions, rewordings and tag changes can be amended, not a "
                    + current.type().key() + " proposal");
        }
    }

    /** The command's new revision of {@code current}, still to be validated like a submission. */
    static ProposedChange of(ProposedChange current, AmendProposalCommand command) {
        requireAmendable(current);
        boolean tags = command.add() != null && !command.add().isEmpty()
                || command.remove() != null && !command.remove().isEmpty();
        if (current instanceof NewQuestion c) {
            if (command.text() == null && !tags) {
                throw new IllegalArgumentException(
                        "a new question is amended with a new text, tags to add or remove, or both");
            }
            // old names among them are resolved when the amendment is validated, like a submission's
            TreeSet<String> after = new TreeSet<>(c.tags());
            after.addAll(Tags.normaliseAll(command.add()));
            after.removeAll(Tags.normaliseAll(command.remove()));
            String text = command.text() == null ? c.text() : command.text();
            return new NewQuestion(c.questionId(), text, List.copyOf(after), c.source(), c.listId());
        }
        if (current instanceof Rewording c) {
            if (command.text() == null || tags) {
                throw new IllegalArgumentException("a rewording is amended with a new text, and no tags");
            }
            return new Rewording(c.questionId(), command.text(), command.baseRevision());
        }
        TagChange c = (TagChange) current;
        if (command.text() != null) {
            throw new IllegalArgumentException("a tag change is amended with tags to add or remove, not a text");
        }
        return new TagChange(c.questionId(), orEmpty(command.add()), orEmpty(command.remove()), command.baseRevision());
    }

    static void requireSameSubject(ProposedChange current, ProposedChange amended) {
        requireAmendable(current);
        boolean same = current instanceof NewQuestion c0
                        && amended instanceof NewQuestion a0
                        && c0.questionId().equals(a0.questionId())
                || current instanceof Rewording c
                        && amended instanceof Rewording a
                        && c.questionId().equals(a.questionId())
                || current instanceof TagChange c2
                        && amended instanceof TagChange a2
                        && c2.questionId().equals(a2.questionId());
        if (!same) {
            throw new IllegalArgumentException("an amendment must be the same kind of change to the same question");
        }
    }

    private static List<String> orEmpty(List<String> tags) {
        return tags == null ? List.of() : tags;
    }
}
