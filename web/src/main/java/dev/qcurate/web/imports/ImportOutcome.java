package dev.qcurate.web.imports;

import dev.qcurate.web.services.Times;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an import did ({@code GET /api/imports/{id}}), for its outcome page.
 *
 * @param alreadyImported this upload repeated content imported before: nothing new was proposed, the numbers are
 *                        the first import's
 * @param importedAt      when the import these numbers are of ran (null from a service that does not say)
 */
record ImportOutcome(
        UUID importId,
        UUID listId,
        String listName,
        String source,
        int proposed,
        int duplicatesFlagged,
        List<RejectedLine> rejected,
        List<UUID> proposalIds,
        boolean alreadyImported,
        Instant importedAt) {

    /** {@code importedAt} as pages show times. */
    public String importedAtText() {
        return Times.when(importedAt);
    }

    /** A numbered line of the document that did not become a proposal, and why. */
    record RejectedLine(int line, String text, String reason) {}
}
