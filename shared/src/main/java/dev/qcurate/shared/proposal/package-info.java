/**
 * Messages about proposals: every change goes through one, and reviewers approve or reject it. The events form the
 * sealed family {@link dev.qcurate.shared.proposal.ProposalEvent}; the change itself is the sealed
 * {@link dev.qcurate.shared.proposal.ProposedChange}.
 */
package dev.qcurate.shared.proposal;
