package dev.qcurate.command.proposal;

import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.proposal.ProposedChange.Rewording;
import dev.qcurate.shared.proposal.ProposedChange.TagChange;

/**
 * Which proposals can be amended, and into what: a rewording into another text, a tag change into other tags, of the
 * same question. A new question's text also lives in its (PROPOSED) question aggregate, so it is not amendable yet.
 */
final class Amendments {

    private Amendments() {
    }

    static void requireSameSubject(ProposedChange current, ProposedChange amended) {
        if (amended == null) {
            throw new IllegalArgumentException("an amendment needs the changed proposal");
        }
        boolean same = current instanceof Rewording c && amended instanceof Rewording a
                && c.questionId().equals(a.questionId())
                || current instanceof TagChange c2 && amended instanceof TagChange a2
                && c2.questionId().equals(a2.questionId());
        if (!(current instanceof Rewording) && !(current instanceof TagChange)) {
            throw new IllegalArgumentException("only rewordings and tag changes can be amended, not a "
                    + current.type().key() + " proposal");
        }
        if (!same) {
            throw new IllegalArgumentException("an amendment must be the same kind of change to the same question");
        }
    }
}
