package dev.qcurate.shared.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** As a reviewer, send a pending proposal back to its proposer with a comment saying what to change. */
public record RequestProposalChangesCommand(
        @TargetAggregateIdentifier ProposalId proposalId, String comment) {}
