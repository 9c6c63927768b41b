package dev.qcurate.web.services;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of change a proposal carries (the query service's {@code type}), with the words people read. */
public enum ChangeKind {
    NEW_QUESTION("New question"),
    REWORDING("Rewording"),
    TAG_CHANGE("Tag change"),
    RETIREMENT("Retirement"),
    MERGE("Merge"),
    UNMERGE("Unmerge"),
    LIST_ENTRY("List entry"),
    TAG_RENAME("Tag rename"),
    REVERT("Revert");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind named {@code name}, or empty for anything else (a hand-edited URL never fails the page). */
    public static Optional<ChangeKind> parse(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }

    /** The label of a type the service sent, or the type itself when this workspace does not know it yet. */
    public static String labelOf(String type) {
        return parse(type).map(ChangeKind::label).orElse(type);
    }
}
