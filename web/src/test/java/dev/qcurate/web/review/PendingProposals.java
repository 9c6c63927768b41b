package dev.qcurate.web.review;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Pending proposals as the query service lists them: nobody holds them, as submitted, without comments. */
final class PendingProposals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PendingProposals() {}

    static Proposal of(String type, UUID questionId, String proposer, String payload) throws Exception {
        return new Proposal(
                UUID.randomUUID(),
                type,
                "PENDING",
                questionId,
                null,
                proposer,
                JSON.readTree(payload),
                List.of(),
                false,
                1,
                List.of(),
                null,
                null,
                Instant.parse("2026-12-01T10:00:00Z"),
                null,
                null,
                1,
                0,
                List.of());
    }
}
