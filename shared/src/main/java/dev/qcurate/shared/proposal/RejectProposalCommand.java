package dev.qcurate.shared.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reject a proposal with a reason. */
public record RejectProposalCommand(
        @TargetAggregateIdentifier ProposalId proposalId, String reason) {}
