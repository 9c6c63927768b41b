package dev.qcurate.web.review;

import java.util.UUID;

/**
 * What an action did to one item, for the fragment that replaces it and for the announcement.
 *
 * @param verdict "Approved", "Approval recorded", "Rejected" or "Skipped"
 * @param left    pending proposals left under the queue's filters
 */
public record Outcome(UUID proposalId, String kindLabel, String heading, String verdict, String detail, long left) {

    public String domId() {
        return "item-" + proposalId;
    }

    /** What the live region says: the outcome and how many are left. */
    public String announcement() {
        return verdict + ": \u201c" + heading + "\u201d. " + leftText();
    }

    public String leftText() {
        return left == 0 ? "No tasks left." : left + " pending left.";
    }
}
