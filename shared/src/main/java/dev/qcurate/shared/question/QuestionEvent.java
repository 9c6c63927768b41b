package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;

/**
 * An event of one question aggregate: the sealed list of everything that can happen to a question. Every member
 * names its question and the proposal whose approval caused it. Consumers handle the family with a {@link Visitor},
 * one method per member, so that a new event kind breaks the build of every consumer until it handles it.
 */
public sealed interface QuestionEvent
        permits QuestionProposedEvent,
                QuestionAcceptedEvent,
                QuestionRejectedEvent,
                QuestionRewordedEvent,
                QuestionTagsChangedEvent,
                QuestionRevertedEvent,
                ProposedQuestionAmendedEvent,
                QuestionRetiredEvent,
                QuestionMergedEvent,
                DuplicateAbsorbedEvent,
                QuestionUnmergedEvent,
                DuplicateReleasedEvent {

    /** The question (aggregate) the event belongs to. */
    QuestionId questionId();

    /** The proposal whose approval caused the event (the one that created the question, for a proposal). */
    ProposalId proposalId();

    /** Calls the visitor's method for this event's type. */
    <R> R accept(Visitor<R> visitor);

    /** What a consumer does with each kind of question event. */
    interface Visitor<R> {
        R proposed(QuestionProposedEvent e);

        R accepted(QuestionAcceptedEvent e);

        R rejected(QuestionRejectedEvent e);

        R reworded(QuestionRewordedEvent e);

        R tagsChanged(QuestionTagsChangedEvent e);

        R reverted(QuestionRevertedEvent e);

        R proposalAmended(ProposedQuestionAmendedEvent e);

        R retired(QuestionRetiredEvent e);

        R merged(QuestionMergedEvent e);

        R absorbed(DuplicateAbsorbedEvent e);

        R unmerged(QuestionUnmergedEvent e);

        R released(DuplicateReleasedEvent e);
    }
}
