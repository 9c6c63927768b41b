package dev.qcurate.shared.proposal;

import org.axonframework.serialization.Revision;

/** The reviewer holding the proposal gave up the claim before it expired. */
@Revision("1")
public record ProposalClaimReleasedEvent(ProposalId proposalId, String reviewer) {}
