package dev.qcurate.shared.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve a proposal as the reviewer in the command's {@code actor} metadata. */
public record ApproveProposalCommand(
        @TargetAggregateIdentifier ProposalId proposalId) {}
