package dev.qcurate.query.curatedlist.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.query.curatedlist.ListDiff;
import dev.qcurate.query.curatedlist.ListEntryView;
import dev.qcurate.query.curatedlist.ListStore;
import dev.qcurate.query.curatedlist.ViewRow;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads lists at any version; unknown lists, versions and releases are 404. */
@Component
class ListQueries {

    private final ListStore store;
    private final ListVersionCache cache;
    private final ObjectMapper json;
    private final TransactionTemplate snapshot;

    ListQueries(ListStore store, ListVersionCache cache, ObjectMapper json, PlatformTransactionManager transactions) {
        this.store = store;
        this.cache = cache;
        this.json = json;
        // header, rows and time of a version from one snapshot, or a rebuild could slip between them
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Which version a request means: at most one of version, release and asOf; none means the latest. */
    record Selector(Integer version, String release, String asOf) {

        Selector {
            int given = (version != null ? 1 : 0) + (release != null ? 1 : 0) + (asOf != null ? 1 : 0);
            if (given > 1) {
                throw new IllegalArgumentException("give at most one of version, release and asOf");
            }
            if (version != null && version < 0) {
                throw new IllegalArgumentException("version must not be negative");
            }
        }
    }

    List<ListVersionView.Summary> all() {
        return store.headers().stream()
                .map(h -> new ListVersionView.Summary(
                        h.listId(), h.name(), h.title(), h.description(), h.version(), h.size(), h.updatedAt()))
                .toList();
    }

    /**
     * The version a request means, as answered: one primary-key read of the list's header decides which version that
     * is and that the read model has it; the version itself comes from the cache, or is read and rendered once.
     */
    ListVersionCache.Rendered content(UUID listId, Selector selector) {
        long generation = cache.generation(); // before reading anything: see ListVersionCache
        ListStore.Header header = header(listId);
        int version = resolve(header, selector);
        ListVersionCache.Key key = new ListVersionCache.Key(generation, listId, version, selector.release());
        ListVersionCache.Rendered rendered = cache.get(key, this::load);
        if (!rendered.matches(header)) {
            // the header moved on since the version was rendered (names are not versioned): render it again
            rendered = load(key);
            cache.replace(key, rendered);
        }
        return rendered;
    }

    private ListVersionCache.Rendered load(ListVersionCache.Key key) {
        return snapshot.execute(status -> {
            ListStore.Header header = header(key.listId());
            int version = existing(header, key.version());
            List<ViewRow> rows = store.rows(key.listId(), version);
            Instant at = store.versionTime(key.listId(), version).orElse(header.createdAt());
            ListVersionView.Content content = new ListVersionView.Content(
                    key.listId(),
                    header.name(),
                    header.title(),
                    header.description(),
                    version,
                    at,
                    key.release(),
                    rows.size(),
                    rows.stream().map(ListEntryView::of).toList());
            try {
                return new ListVersionCache.Rendered(content, json.writeValueAsBytes(content));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the list as JSON", e);
            }
        });
    }

    @Transactional(readOnly = true)
    List<ListVersionView.VersionItem> versions(UUID listId) {
        header(listId);
        Map<Integer, List<String>> releases = store.releases(listId).stream()
                .collect(Collectors.groupingBy(
                        ListStore.Release::version, Collectors.mapping(ListStore.Release::label, Collectors.toList())));
        return store.versions(listId).stream()
                .map(v -> new ListVersionView.VersionItem(
                        v.version(),
                        v.at(),
                        new ListVersionView.Cause(v.causeType(), v.proposalId(), v.actor(), v.position()),
                        v.size(),
                        v.summary(),
                        releases.getOrDefault(v.version(), List.of())))
                .toList();
    }

    @Transactional(readOnly = true)
    ListVersionView.Diff diff(UUID listId, int from, int to) {
        ListStore.Header header = header(listId);
        existing(header, from);
        existing(header, to);
        ListDiff diff = ListDiff.between(store.view(listId, from), store.view(listId, to));
        return new ListVersionView.Diff(listId, from, to, diff.added(), diff.removed(), diff.reworded(), diff.merged());
    }

    @Transactional(readOnly = true)
    List<ListVersionView.ReleaseItem> releases(UUID listId) {
        header(listId);
        return store.releases(listId).stream()
                .map(r -> new ListVersionView.ReleaseItem(r.label(), r.version(), r.position(), r.at(), r.actor()))
                .toList();
    }

    private ListStore.Header header(UUID listId) {
        return store.header(listId).orElseThrow(() -> notFound("no list " + listId));
    }

    private int resolve(ListStore.Header header, Selector selector) {
        if (selector.version() != null) {
            return existing(header, selector.version());
        }
        if (selector.release() != null) {
            return store.release(header.listId(), selector.release())
                    .orElseThrow(
                            () -> notFound("list " + header.listId() + " has no release '" + selector.release() + "'"))
                    .version();
        }
        if (selector.asOf() != null) {
            Instant at = instant(selector.asOf());
            return store.versionAt(header.listId(), at)
                    .orElseThrow(() -> notFound("list " + header.listId() + " did not exist at " + at));
        }
        return header.version();
    }

    private static int existing(ListStore.Header header, int version) {
        if (version < 0 || version > header.version()) {
            throw notFound("list " + header.listId() + " has versions 0 to " + header.version() + ", not " + version);
        }
        return version;
    }

    /** An ISO-8601 instant; a '+' offset that arrived unencoded (as a space) is accepted too. */
    static Instant instant(String value) {
        String text = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("asOf must be an ISO-8601 time, e.g. 2024-05-01T12:00:00Z");
            }
        }
    }

    private static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
