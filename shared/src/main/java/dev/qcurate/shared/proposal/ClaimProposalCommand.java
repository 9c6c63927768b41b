package dev.qcurate.shared.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Claim a pending proposal for the configured time as the reviewer in the {@code actor} metadata, so that nobody
 * else decides it meanwhile. Claiming again renews one's own claim; a claim held by someone else is only taken over
 * when {@code takeOver} is true.
 */
public record ClaimProposalCommand(
        @TargetAggregateIdentifier ProposalId proposalId, boolean takeOver) {}
