package dev.qcurate.web.lists;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A list's versions as combobox options, newest first, each with its time, cause and release labels. A list can
 * have thousands of versions; the combobox offers the newest {@link #MAX_OPTIONS} and always the selected ones.
 */
final class VersionChoices {

    static final int MAX_OPTIONS = 300;

    private final List<ListVersion> newestFirst;
    private final Map<Integer, Set<String>> labels = new TreeMap<>();

    VersionChoices(Collection<ListVersion> versions, Collection<ListRelease> releases) {
        newestFirst = versions.stream()
                .sorted(Comparator.comparingInt(ListVersion::version).reversed())
                .toList();
        newestFirst.forEach(
                v -> v.releases().forEach(label -> labelsOf(v.version()).add(label)));
        releases.forEach(release -> labelsOf(release.version()).add(release.label()));
    }

    int latest(int atLeast) {
        return newestFirst.isEmpty()
                ? atLeast
                : Math.max(atLeast, newestFirst.get(0).version());
    }

    List<String> labels(int version) {
        return List.copyOf(labels.getOrDefault(version, Set.of()));
    }

    List<VersionOption> options(int selected) {
        List<VersionOption> options = new ArrayList<>();
        boolean selectedOffered = false;
        for (int i = 0; i < newestFirst.size(); i++) {
            ListVersion version = newestFirst.get(i);
            if (i < MAX_OPTIONS || version.version() == selected) {
                options.add(new VersionOption(version.version(), label(version), version.version() == selected));
                selectedOffered |= version.version() == selected;
            }
        }
        if (!selectedOffered) {
            options.add(new VersionOption(selected, "Version " + selected, true));
        }
        return options;
    }

    private String label(ListVersion version) {
        StringBuilder label = new StringBuilder("Version ").append(version.version());
        if (version.version() == latest(0)) {
            label.append(" (latest)");
        }
        label.append(" · ").append(Times.utc(version.at()));
        if (version.cause() != null) {
            label.append(" · ").append(Times.event(version.cause().type()));
            if (version.cause().actor() != null && !version.cause().actor().isBlank()) {
                label.append(" by ").append(version.cause().actor());
            }
        }
        label.append(" · ").append(version.size()).append(version.size() == 1 ? " question" : " questions");
        List<String> named = labels(version.version());
        if (!named.isEmpty()) {
            label.append(" · release ").append(String.join(", ", named));
        }
        return label.toString();
    }

    private Set<String> labelsOf(int version) {
        return labels.computeIfAbsent(version, v -> new TreeSet<>());
    }
}
