package dev.qcurate.command.question;

import dev.qcurate.shared.question.QuestionId;

import java.util.HashMap;
import java.util.Map;

/**
 * A question's revisions: which one is current, what each one showed, and the rules a change's revision numbers
 * follow (made against the current revision, reverting only to an earlier one that shows something else). The
 * aggregate changes it only from its event sourcing handlers.
 */
final class Revisions {

    /** What each revision showed, for reverts; always holds the current one. */
    private final Map<Integer, RevisionContent> shown = new HashMap<>();

    private int current;

    int current() {
        return current;
    }

    /** The number the next revising event carries. */
    int next() {
        return current + 1;
    }

    /** Becomes revision {@code number}, remembering what it shows. */
    void revised(int number, RevisionContent content) {
        current = number;
        shown.put(number, content);
    }

    /** The current revision now shows {@code content}: an amended proposal stays revision 1. */
    void amended(RevisionContent content) {
        shown.put(current, content);
    }

    void requireCurrent(int baseRevision) {
        if (baseRevision != current) {
            throw new StaleRevisionException(baseRevision, current);
        }
    }

    /**
     * The revision a new proposal is made against: the current one when {@code baseRevision} is 0 (not given);
     * an older one is already stale, a newer one a client error.
     */
    int baseFor(int baseRevision) {
        if (baseRevision == 0) {
            return current;
        }
        if (baseRevision < 0 || baseRevision > current) {
            throw new IllegalArgumentException("baseRevision must be between 1 and the current revision " + current);
        }
        requireCurrent(baseRevision);
        return baseRevision;
    }

    /** The content of an earlier revision that differs from the current one; bad input otherwise. */
    RevisionContent revertibleTo(int toRevision, QuestionId question) {
        if (toRevision < 1 || toRevision >= current) {
            throw new IllegalArgumentException("revision " + toRevision + " does not exist before the current revision "
                    + current + " of question " + question);
        }
        RevisionContent target = shown.get(toRevision);
        if (target.equals(shown.get(current))) {
            throw new IllegalArgumentException("revision " + toRevision + " has the current text and tags: "
                    + "reverting to it would change nothing");
        }
        return target;
    }
}
