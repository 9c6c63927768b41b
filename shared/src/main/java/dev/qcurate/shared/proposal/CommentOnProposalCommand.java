package dev.qcurate.shared.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add a Markdown comment to a proposal's conversation. {@code byReviewer} says the author has a reviewer's role
 * (the service sets it from the caller's token); anyone else may comment only on their own proposals.
 */
public record CommentOnProposalCommand(
        @TargetAggregateIdentifier ProposalId proposalId, String text, boolean byReviewer) {}
