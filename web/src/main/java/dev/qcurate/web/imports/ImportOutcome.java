package dev.qcurate.web.imports;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * What {@code POST /api/imports} answered, kept in the session for the outcome page (Post/Redirect/Get).
 *
 * @param alreadyImported the same content had been imported before: nothing new was proposed, the numbers are the
 *                        first import's
 */
record ImportOutcome(UUID importId, UUID listId, String listName, String source, int proposed, int duplicatesFlagged,
                     List<RejectedLine> rejected, List<UUID> proposalIds, boolean alreadyImported)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A numbered line of the document that did not become a proposal, and why. */
    record RejectedLine(int line, String text, String reason) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;
    }
}
