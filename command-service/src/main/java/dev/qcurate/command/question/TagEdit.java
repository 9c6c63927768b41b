package dev.qcurate.command.question;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A change to a question's tags worked out against the tags it has, step by step in the order the change asks: what
 * it really adds and removes (tags it already had, or never had, drop out) and the sorted tags after it.
 */
final class TagEdit {

    private final TreeSet<String> after;
    private final List<String> added = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();

    TagEdit(Collection<String> before) {
        after = new TreeSet<>(before);
    }

    TagEdit add(Collection<String> tags) {
        tags.stream().filter(after::add).forEach(added::add);
        return this;
    }

    TagEdit remove(Collection<String> tags) {
        tags.stream().filter(after::remove).forEach(removed::add);
        return this;
    }

    boolean changesNothing() {
        return added.isEmpty() && removed.isEmpty();
    }

    List<String> added() {
        return List.copyOf(added);
    }

    List<String> removed() {
        return List.copyOf(removed);
    }

    List<String> after() {
        return List.copyOf(after);
    }
}
