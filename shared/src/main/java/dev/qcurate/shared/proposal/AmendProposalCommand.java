package dev.qcurate.shared.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * As the proposer, replace a pending (or sent back) proposal's change with a new revision of it: the same kind of
 * change to the same question, e.g. another text for a rewording or other tags for a tag change.
 */
public record AmendProposalCommand(@TargetAggregateIdentifier ProposalId proposalId, ProposedChange change) {
}
