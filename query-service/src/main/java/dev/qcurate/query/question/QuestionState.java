package dev.qcurate.query.question;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What a question event does to a question's row, in memory: the single definition of the question's state machine,
 * used by the question projection (which writes it) and by the list projection (which must see each question as it
 * was right after each event of a batch).
 */
public record QuestionState(UUID id, String text, String status, int revision, List<String> tags, UUID mergedInto) {

    public QuestionState {
        tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
    }

    /** The state a proposal creates. */
    public static QuestionState proposed(QuestionProposedEvent e) {
        return new QuestionState(e.questionId().value(), e.text(), "PROPOSED", 1, e.tags(), null);
    }

    /** The question whose row {@code payload} changes (creates, for a proposal), or null for other events. */
    public static UUID subject(Object payload) {
        QuestionId id = null;
        if (payload instanceof QuestionProposedEvent e) {
            id = e.questionId();
        } else if (payload instanceof QuestionAcceptedEvent e) {
            id = e.questionId();
        } else if (payload instanceof QuestionRejectedEvent e) {
            id = e.questionId();
        } else if (payload instanceof QuestionRewordedEvent e) {
            id = e.questionId();
        } else if (payload instanceof QuestionTagsChangedEvent e) {
            id = e.questionId();
        } else if (payload instanceof QuestionRevertedEvent e) {
            id = e.questionId();
        } else if (payload instanceof ProposedQuestionAmendedEvent e) {
            id = e.questionId();
        } else if (payload instanceof QuestionRetiredEvent e) {
            id = e.questionId();
        } else if (payload instanceof QuestionMergedEvent e) {
            id = e.questionId();
        } else if (payload instanceof DuplicateAbsorbedEvent e) {
            id = e.questionId();
        } else if (payload instanceof QuestionUnmergedEvent e) {
            id = e.questionId();
        } else if (payload instanceof DuplicateReleasedEvent e) {
            id = e.questionId();
        }
        return id == null ? null : id.value();
    }

    /** The history step an update event records, or null when {@code payload} is not an update of a question. */
    static String step(Object payload) {
        if (payload instanceof QuestionAcceptedEvent) {
            return "ACCEPTED";
        } else if (payload instanceof QuestionRejectedEvent) {
            return "REJECTED";
        } else if (payload instanceof QuestionRewordedEvent) {
            return "REWORDED";
        } else if (payload instanceof QuestionTagsChangedEvent) {
            return "TAGS_CHANGED";
        } else if (payload instanceof QuestionRevertedEvent) {
            return "REVERTED";
        } else if (payload instanceof ProposedQuestionAmendedEvent) {
            return "PROPOSAL_AMENDED";
        } else if (payload instanceof QuestionRetiredEvent) {
            return "RETIRED";
        } else if (payload instanceof QuestionMergedEvent) {
            return "MERGED";
        } else if (payload instanceof DuplicateAbsorbedEvent) {
            return "ABSORBED_DUPLICATE";
        } else if (payload instanceof QuestionUnmergedEvent) {
            return "UNMERGED";
        } else if (payload instanceof DuplicateReleasedEvent) {
            return "RELEASED_DUPLICATE";
        }
        return null;
    }

    /** The proposal behind an update event of a question. */
    static ProposalId proposalOf(Object payload) {
        if (payload instanceof QuestionAcceptedEvent e) {
            return e.proposalId();
        } else if (payload instanceof QuestionRejectedEvent e) {
            return e.proposalId();
        } else if (payload instanceof QuestionRewordedEvent e) {
            return e.proposalId();
        } else if (payload instanceof QuestionTagsChangedEvent e) {
            return e.proposalId();
        } else if (payload instanceof QuestionRevertedEvent e) {
            return e.proposalId();
        } else if (payload instanceof ProposedQuestionAmendedEvent e) {
            return e.proposalId();
        } else if (payload instanceof QuestionRetiredEvent e) {
            return e.proposalId();
        } else if (payload instanceof QuestionMergedEvent e) {
            return e.proposalId();
        } else if (payload instanceof DuplicateAbsorbedEvent e) {
            return e.proposalId();
        } else if (payload instanceof QuestionUnmergedEvent e) {
            return e.proposalId();
        } else if (payload instanceof DuplicateReleasedEvent e) {
            return e.proposalId();
        }
        return null;
    }

    /** The state after the update event {@code payload} (about this question); itself for any other event. */
    public QuestionState next(Object payload) {
        if (payload instanceof QuestionAcceptedEvent) {
            return new QuestionState(id, text, "ACTIVE", revision, tags, mergedInto);
        } else if (payload instanceof QuestionRejectedEvent) {
            return new QuestionState(id, text, "REJECTED", revision, tags, mergedInto);
        } else if (payload instanceof QuestionRewordedEvent e) {
            return new QuestionState(id, e.text(), status, e.revision(), tags, mergedInto);
        } else if (payload instanceof QuestionTagsChangedEvent e) {
            return new QuestionState(id, text, status, e.revision(), tagsOf(e.tags()), mergedInto);
        } else if (payload instanceof QuestionRevertedEvent e) {
            return new QuestionState(id, e.text(), status, e.revision(), tagsOf(e.tags()), mergedInto);
        } else if (payload instanceof ProposedQuestionAmendedEvent e) {
            return new QuestionState(id, e.text(), status, revision, tagsOf(e.tags()), mergedInto);
        } else if (payload instanceof QuestionRetiredEvent e) {
            return new QuestionState(id, text, "RETIRED", e.revision(), tags, mergedInto);
        } else if (payload instanceof QuestionMergedEvent e) {
            return new QuestionState(
                    id, text, "MERGED", e.revision(), tags, e.targetId().value());
        } else if (payload instanceof DuplicateAbsorbedEvent e) {
            return new QuestionState(id, text, status, e.revision(), tagsOf(e.tags()), mergedInto);
        } else if (payload instanceof QuestionUnmergedEvent e) {
            return new QuestionState(id, e.text(), "ACTIVE", e.revision(), tagsOf(e.tags()), null);
        } else if (payload instanceof DuplicateReleasedEvent e) {
            return new QuestionState(id, text, status, e.revision(), tagsOf(e.tags()), mergedInto);
        }
        return this;
    }

    private static List<String> tagsOf(List<String> tags) {
        return tags == null ? List.of() : tags;
    }
}
