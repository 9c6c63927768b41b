package dev.qcurate.web.review;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

/**
 * An approval or rejection that did not happen, with the reason in words, the question to read again when it was
 * stale, and the rejection reason the reviewer typed (never lost).
 */
public record ItemProblem(UUID proposalId, int status, String message, UUID staleQuestionId, String reason)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
