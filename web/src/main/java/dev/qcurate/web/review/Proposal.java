package dev.qcurate.web.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.duplicates.DuplicateCandidate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A proposal as {@code GET /api/proposals} answers it. {@code payload} is the proposed change with its {@code kind}
 * (NEW_QUESTION, REWORDING, TAG_CHANGE, RETIREMENT, MERGE, UNMERGE, LIST_ENTRY_ADDITION/REMOVAL/MOVE) and fields.
 */
record Proposal(
        UUID proposalId,
        String type,
        String status,
        UUID questionId,
        UUID listId,
        String proposer,
        JsonNode payload,
        List<DuplicateCandidate> duplicateCandidates,
        boolean likelyDuplicate,
        int requiredApprovals,
        List<String> approvers,
        String decidedBy,
        String reason,
        Instant createdAt,
        Instant decidedAt,
        ReviewItem.Claim claim,
        int revision,
        int comments,
        List<ConversationEntry> recentConversation) {

    /** One of the last entries of the proposal's conversation; {@code text} is Markdown (a preview of it). */
    record ConversationEntry(String kind, String author, String text, Instant at) {}

    Proposal {
        duplicateCandidates = duplicateCandidates == null ? List.of() : duplicateCandidates;
        approvers = approvers == null ? List.of() : approvers;
        revision = Math.max(revision, 1);
        recentConversation = recentConversation == null ? List.of() : recentConversation;
    }
}
