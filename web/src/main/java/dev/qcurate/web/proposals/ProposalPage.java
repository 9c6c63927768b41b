package dev.qcurate.web.proposals;

import dev.qcurate.web.diff.TagChange;
import dev.qcurate.web.diff.WordDiff;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * One proposal's page: what it changes, who holds it, its conversation and amendments, and what the signed-in user
 * may do with it. The {@code may…} flags only hide controls; the services enforce every rule.
 *
 * @param proposedText a rewording's or a new question's text (the amend form starts from it), or null
 * @param add          a tag change's tags to add, or empty
 * @param remove       a tag change's tags to remove, or empty
 * @param newQuestion  it proposes a new question (amended with a text, tags, or both)
 * @param amendable    the kind can be amended (new questions, rewordings and tag changes)
 */
public record ProposalPage(
        UUID proposalId,
        String kind,
        String status,
        String proposer,
        UUID questionId,
        String questionText,
        String proposedText,
        List<String> add,
        List<String> remove,
        int revision,
        Claim claim,
        List<Entry> conversation,
        List<Amendment> amendments,
        boolean reviewer,
        boolean own,
        boolean newQuestion,
        boolean amendable,
        String decidedBy,
        String reason) {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A claim that held when the page was read. */
    public record Claim(String holder, Instant expiresAt) {
        public String expiresAtText() {
            return WHEN.format(expiresAt);
        }
    }

    /** A comment or a request for changes, its Markdown already rendered safely. */
    public record Entry(boolean changeRequest, String author, String html, Instant at) {
        public String atText() {
            return WHEN.format(at);
        }
    }

    /**
     * Revision {@code revision} against the one before: a text diff, the tags (a new question's), or the tags to add and
     * remove (a tag change's) compared; what does not apply is null.
     */
    public record Amendment(
            int revision,
            String amendedBy,
            Instant at,
            WordDiff text,
            TagChange tags,
            TagChange add,
            TagChange remove) {
        public String atText() {
            return WHEN.format(at);
        }
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }

    public boolean sentBack() {
        return "CHANGES_REQUESTED".equals(status);
    }

    public boolean heldByMe(String user) {
        return claim != null && claim.holder().equals(user);
    }

    public boolean mayClaim() {
        return reviewer && !own && pending();
    }

    public boolean mayComment() {
        return reviewer || own;
    }

    public boolean mayRequestChanges() {
        return reviewer && !own && pending();
    }

    public boolean mayAmend() {
        return own && amendable && (pending() || sentBack());
    }

    /** The amend form asks for a text (a rewording, a new question). */
    public boolean rewording() {
        return proposedText != null;
    }

    /** The amend form asks for tags to add and remove (a tag change, a new question). */
    public boolean retagging() {
        return proposedText == null || newQuestion;
    }
}
