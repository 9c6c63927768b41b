package dev.qcurate.web.review;

import dev.qcurate.web.diff.TagChange;
import dev.qcurate.web.diff.WordDiff;
import dev.qcurate.web.duplicates.DuplicateCandidate;
import dev.qcurate.web.services.ChangeKind;
import dev.qcurate.web.services.Times;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One proposal as the queue shows it: what it changes against the revision it was made on, and who may decide it.
 *
 * @param heading      the question's text (for a new question, the proposed text)
 * @param textDiff     a text change against the base revision, or null when the kind changes no text
 * @param tags         a tag change (or a new question's tags, all added), or null
 * @param merge        the two questions of a merge, or null
 * @param detail       a sentence about the change that has no diff (retirement reason, list entry, unmerge)
 * @param changedSince why approving will fail as stale (the question moved on since the proposal), or null
 * @param own          proposed by the signed-in reviewer: no approve, no reject
 * @param claim        the reviewer holding it now, or null
 * @param comments     how many comments its conversation has (on the proposal's page)
 * @param revision     1 as submitted, more once amended
 * @param conversation the last comments, rendered from Markdown to safe HTML, oldest first
 */
public record ReviewItem(
        UUID proposalId,
        ChangeKind kind,
        String heading,
        UUID questionId,
        String proposer,
        Instant createdAt,
        boolean own,
        WordDiff textDiff,
        int baseRevision,
        TagChange tags,
        Merge merge,
        String detail,
        String source,
        UUID listId,
        String changedSince,
        String approvals,
        List<DuplicateCandidate> candidates,
        boolean likelyDuplicate,
        Claim claim,
        int comments,
        int revision,
        List<Comment> conversation) {

    /** A comment (or a request for changes) as the queue shows it. */
    public record Comment(boolean changeRequest, String author, String html, Instant at) {
        public String atText() {
            return Times.when(at);
        }
    }

    /** A merge of {@code source} into {@code target}, with their similarity when the index knows it. */
    public record Merge(UUID sourceId, String sourceText, UUID targetId, String targetText, Integer percent) {}

    /** Who holds the proposal until when; the services decide whether a claim still holds. */
    public record Claim(String holder, Instant expiresAt) {
        public String expiresAtText() {
            return Times.when(expiresAt);
        }
    }

    public boolean heldBy(String reviewer) {
        return claim != null && claim.holder().equals(reviewer);
    }

    public boolean heldByOther(String reviewer) {
        return claim != null && !claim.holder().equals(reviewer);
    }

    public String kindLabel() {
        return kind == null ? "Change" : kind.label();
    }

    public String createdAtText() {
        return Times.when(createdAt);
    }

    /** The id the page uses for this item's elements. */
    public String domId() {
        return "item-" + proposalId;
    }
}
