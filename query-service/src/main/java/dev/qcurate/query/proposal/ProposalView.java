package dev.qcurate.query.proposal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A proposal in the review queue or in a proposer's feedback: what it changes ({@code payload}), possible
 * duplicates, approvals so far, and the decision with its reason.
 */
public record ProposalView(UUID proposalId, String type, String status, UUID questionId, UUID listId,
                           String proposer, JsonNode payload, JsonNode duplicateCandidates, boolean likelyDuplicate,
                           int requiredApprovals, List<String> approvers, String decidedBy, String reason,
                           Instant createdAt, Instant decidedAt) {
}
