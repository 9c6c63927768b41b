package dev.qcurate.web.review;

import java.io.Serial;
import java.io.Serializable;
import java.util.UUID;

/** One proposal's outcome in a bulk approval: approved, or not with the service's reason. */
public record BulkLine(UUID proposalId, String heading, boolean approved, String reason) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
