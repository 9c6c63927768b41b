package dev.qcurate.web.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tags before and after a change, as chips: kept, added (+) and removed (−). Templates show added and removed
 * chips with a visible sign and hidden words, never by colour alone.
 */
public record TagChange(List<String> kept, List<String> added, List<String> removed) {

    public static TagChange of(Collection<String> before, Collection<String> after) {
        Set<String> old = new LinkedHashSet<>(before);
        Set<String> now = new LinkedHashSet<>(after);
        List<String> kept = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String tag : now) {
            (old.contains(tag) ? kept : added).add(tag);
        }
        for (String tag : old) {
            if (!now.contains(tag)) {
                removed.add(tag);
            }
        }
        return new TagChange(kept, added, removed);
    }

    public boolean unchanged() {
        return added.isEmpty() && removed.isEmpty();
    }
}
