package dev.qcurate.web.imports;

import java.util.List;
import java.util.UUID;

/**
 * What an import did ({@code GET /api/imports/{id}}), for its outcome page.
 *
 * @param alreadyImported this upload repeated content imported before: nothing new was proposed, the numbers are
 *                        the first import's
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
        boolean alreadyImported) {

    /** A numbered line of the document that did not become a proposal, and why. */
    record RejectedLine(int line, String text, String reason) {}
}
