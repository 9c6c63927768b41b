package dev.qcurate.shared.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * As the proposer, replace a pending (or sent back) proposal's change with a new revision of the same kind for the
 * same question: {@code text} for a rewording, {@code add}/{@code remove} for a tag change, either or both for a new
 * question (its proposed tags with {@code add} added and {@code remove} taken away). A {@code baseRevision} of 0 means
 * the question's current revision; a new question has none.
 */
public record AmendProposalCommand(
        @TargetAggregateIdentifier ProposalId proposalId,
        String text,
        List<String> add,
        List<String> remove,
        int baseRevision) {}
