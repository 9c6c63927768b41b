package dev.qcurate.web.question;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A proposal about the question that waits for review ({@code GET /api/proposals?questionId=&status=PENDING}). */
record PendingProposal(UUID proposalId, String type, String proposer, JsonNode payload, Instant createdAt) {

    /** The kind of change in words: "Rewording", "Tag change", … */
    public String kind() {
        return Words.ofConstant(
                payload != null && payload.hasNonNull("kind")
                        ? payload.get("kind").asText()
                        : type);
    }

    /** What the proposal would change, in one line. */
    public String summary() {
        if (payload == null) {
            return "";
        }
        String kind = payload.path("kind").asText(type);
        return switch (kind) {
            case "REWORDING" -> "“" + payload.path("text").asText() + "”";
            case "TAG_CHANGE" -> tagSummary();
            case "RETIREMENT" -> "reason: " + payload.path("reason").asText();
            case "MERGE" -> "into question " + payload.path("targetId").asText();
            case "NEW_QUESTION" -> "“" + payload.path("text").asText() + "”";
            default -> "";
        };
    }

    public String when() {
        return Words.when(createdAt);
    }

    private String tagSummary() {
        List<String> parts = new ArrayList<>();
        payload.path("add").forEach(tag -> parts.add("+" + tag.asText()));
        payload.path("remove").forEach(tag -> parts.add("−" + tag.asText()));
        return String.join(" ", parts);
    }
}
