package dev.qcurate.command.tag;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which old tag names stand for which current tag, and the rules a rename must keep so that every synonym leads to
 * exactly one current tag in one step (no chains, no cycles).
 */
final class TagSynonymMap {

    static final TagSynonymMap EMPTY = new TagSynonymMap(Map.of());

    private final Map<String, String> currentByAlias;

    private TagSynonymMap(Map<String, String> currentByAlias) {
        this.currentByAlias = Map.copyOf(currentByAlias);
    }

    Optional<String> currentFor(String alias) {
        return Optional.ofNullable(currentByAlias.get(alias));
    }

    /** Rejects a rename that would point a tag at itself, rename an old name, or rename onto someone else's. */
    void checkRename(Collection<String> from, String to) {
        if (from.isEmpty()) {
            throw new IllegalArgumentException("a rename needs at least one tag to rename");
        }
        if (from.contains(to)) {
            throw new IllegalArgumentException("tag '" + to + "' cannot be renamed onto itself");
        }
        for (String tag : from) {
            String current = currentByAlias.get(tag);
            if (current != null) {
                throw new IllegalArgumentException("tag '" + tag + "' is already a synonym of '" + current
                        + "': rename '" + current + "' instead");
            }
        }
        String targetOwner = currentByAlias.get(to);
        if (targetOwner != null && !from.contains(targetOwner)) {
            throw new IllegalArgumentException(
                    "tag '" + to + "' is a synonym of '" + targetOwner + "': merge into '" + targetOwner + "' instead");
        }
    }

    /** The map after renaming {@code from} to {@code to}: their synonyms follow them, and {@code to} is current again. */
    TagSynonymMap renamed(Collection<String> from, String to) {
        Map<String, String> next = new HashMap<>();
        currentByAlias.forEach((alias, current) -> next.put(alias, from.contains(current) ? to : current));
        next.remove(to);
        from.forEach(tag -> next.put(tag, to));
        return new TagSynonymMap(next);
    }
}
