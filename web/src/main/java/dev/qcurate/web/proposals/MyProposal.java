package dev.qcurate.web.proposals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One of the user's proposals as the page lists it.
 *
 * @param status PENDING, APPLIED (the query service says APPROVED), REJECTED or STALE
 * @param reason the reviewer's reason (rejected) or why it went stale
 */
public record MyProposal(
        UUID proposalId,
        String kind,
        UUID questionId,
        String questionText,
        String status,
        String reason,
        String decidedBy,
        Instant createdAt,
        Instant decidedAt) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String createdAtText() {
        return createdAt == null ? "" : WHEN.format(createdAt);
    }

    public String decidedAtText() {
        return decidedAt == null ? "" : WHEN.format(decidedAt);
    }
}
