package dev.qcurate.shared.proposal;

/**
 * The kinds of change a proposal can carry; the number of approvals needed is configured per kind
 * ({@code qcurate.review.approvals.<key>}).
 */
public enum ProposalType {
    NEW_QUESTION("new-question"),
    REWORDING("rewording"),
    TAG_CHANGE("tags"),
    RETIREMENT("retirement"),
    MERGE("merge"),
    UNMERGE("unmerge"),
    LIST_ENTRY("list-entry"),
    TAG_RENAME("tag-rename"),
    REVERT("revert");

    private final String key;

    ProposalType(String key) {
        this.key = key;
    }

    /** The key used in configuration, e.g. {@code merge} in {@code qcurate.review.approvals.merge=2}. */
    public String key() {
        return key;
    }
}
