package dev.qcurate.command.webhook;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an endpoint can subscribe to; the wire name is what the API, the payload and the event header carry. */
enum EventKind {

    /** A proposal was applied (approved) or rejected. */
    PROPOSAL_DECIDED("proposal.decided"),
    /** A version of a curated list was released under a label. */
    RELEASE_PUBLISHED("release.published"),
    /** The query side published a new version of a curated list (its change feed, {@code qcurate.list-versions}). */
    LIST_VERSION_PUBLISHED("list.version-published");

    private final String wireName;

    EventKind(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static EventKind fromWire(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown event kind '" + abbreviate(name) + "'; known: " + known()));
    }

    static String known() {
        return Arrays.stream(values()).map(EventKind::wireName).collect(Collectors.joining(", "));
    }

    private static String abbreviate(String name) {
        return name == null ? "null" : name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }
}
