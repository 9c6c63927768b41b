package dev.qcurate.shared.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give up one's own claim on a proposal before it times out. */
public record ReleaseProposalClaimCommand(
        @TargetAggregateIdentifier ProposalId proposalId) {}
