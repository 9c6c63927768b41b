package dev.qcurate.query.proposal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A proposal in the review queue or in a proposer's feedback: what it changes ({@code payload}), possible
 * duplicates, approvals so far, and the decision with its reason.
 *
 * @param claim    who holds the pending proposal and until when, or null when nobody does (now)
 * @param revision 1 as submitted, one more per amendment
 * @param comments how many comments and requests for changes its conversation has
 * @param recentConversation in lists, the last few entries of the conversation (texts cut to a preview), oldest
 *                           first; the whole of it is in {@code GET /api/proposals/{id}}
 */
public record ProposalView(
        UUID proposalId,
        String type,
        String status,
        UUID questionId,
        UUID listId,
        String proposer,
        JsonNode payload,
        JsonNode duplicateCandidates,
        boolean likelyDuplicate,
        int requiredApprovals,
        List<String> approvers,
        String decidedBy,
        String reason,
        Instant createdAt,
        Instant decidedAt,
        ClaimView claim,
        int revision,
        int comments,
        List<ProposalConversation.Entry> recentConversation) {

    ProposalView withRecentConversation(List<ProposalConversation.Entry> entries) {
        return new ProposalView(
                proposalId,
                type,
                status,
                questionId,
                listId,
                proposer,
                payload,
                duplicateCandidates,
                likelyDuplicate,
                requiredApprovals,
                approvers,
                decidedBy,
                reason,
                createdAt,
                decidedAt,
                claim,
                revision,
                comments,
                List.copyOf(entries));
    }

    /** A reviewer's claim that still holds when the proposal is read. */
    public record ClaimView(String holder, Instant expiresAt) {}
}
