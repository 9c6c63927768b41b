package dev.qcurate.shared.proposal;

/**
 * An event of one proposal aggregate: its submission, the collaboration around it (claims, comments, requests for
 * changes, amendments) and its decision. Consumers handle the family with a {@link Visitor}, one method per member,
 * so that a new event kind breaks the build of every consumer until it handles it.
 */
public sealed interface ProposalEvent
        permits ProposalSubmittedEvent,
                ProposalAmendedEvent,
                ProposalClaimedEvent,
                ProposalClaimReleasedEvent,
                ProposalCommentedEvent,
                ProposalChangesRequestedEvent,
                ProposalApprovalRecordedEvent,
                ProposalAppliedEvent,
                ProposalRejectedEvent,
                ProposalMarkedStaleEvent {

    /** The proposal (aggregate) the event belongs to. */
    ProposalId proposalId();

    /** Calls the visitor's method for this event's type. */
    <R> R accept(Visitor<R> visitor);

    /** What a consumer does with each kind of proposal event. */
    interface Visitor<R> {
        R submitted(ProposalSubmittedEvent e);

        R amended(ProposalAmendedEvent e);

        R claimed(ProposalClaimedEvent e);

        R claimReleased(ProposalClaimReleasedEvent e);

        R commented(ProposalCommentedEvent e);

        R changesRequested(ProposalChangesRequestedEvent e);

        R approvalRecorded(ProposalApprovalRecordedEvent e);

        R applied(ProposalAppliedEvent e);

        R rejected(ProposalRejectedEvent e);

        R markedStale(ProposalMarkedStaleEvent e);
    }
}
