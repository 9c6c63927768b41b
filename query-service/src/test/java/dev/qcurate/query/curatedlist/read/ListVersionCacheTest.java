package dev.qcurate.query.curatedlist.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.qcurate.query.curatedlist.ListEntryView;
import dev.qcurate.query.curatedlist.ListStore;
import dev.qcurate.query.curatedlist.ViewRow;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The list version cache in front of a read model held in memory: what is served comes from the read model's current
 * header, versions are read once, and a reset (rebuild) empties the cache.
 */
class ListVersionCacheTest {

    private static final UUID LIST = UUID.randomUUID();

    private final FakeStore store = new FakeStore();
    private final ListVersionCache cache = new ListVersionCache(DataSize.ofMegabytes(8));
    private final ListQueries queries = new ListQueries(
            store,
            cache,
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
            new NoTransactions());

    @Test
    void readsAVersionOnceAndServesItsBytesAfterwards() {
        store.addVersion("What is a closure?");
        ListVersionCache.Rendered first = latest();
        ListVersionCache.Rendered again = latest();
        assertThat(again.json()).isSameAs(first.json());
        assertThat(store.rowReads).isEqualTo(1);
        assertThat(store.versionScans).as("no scan of every version").isZero();
        assertThat(first.etag()).startsWith("\"v1-");
        assertThat(new String(first.json(), StandardCharsets.UTF_8)).contains("\"version\":1", "What is a closure?");
    }

    @Test
    void theLatestMovesOnWithTheReadModel() {
        store.addVersion("What is a closure?");
        String v1 = latest().etag();
        store.addVersion("What is a decorator?");
        ListVersionCache.Rendered v2 = latest();
        assertThat(v2.content().version()).isEqualTo(2);
        assertThat(v2.content().entries()).hasSize(2);
        assertThat(v2.etag()).isNotEqualTo(v1);
        assertThat(queries.content(LIST, new ListQueries.Selector(1, null, null))
                        .etag())
                .isEqualTo(v1);
    }

    @Test
    void neverServesACachedVersionTheReadModelNoLongerHas() {
        store.addVersion("one?");
        store.addVersion("two?");
        queries.content(LIST, new ListQueries.Selector(2, null, null));
        store.version = 1; // e.g. a rebuild is on its way back to version 2
        assertThatThrownBy(() -> queries.content(LIST, new ListQueries.Selector(2, null, null)))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(latest().content().version()).isEqualTo(1);
    }

    @Test
    void aResetEmptiesTheCacheAndAgainWhenItsTransactionEnds() {
        store.addVersion("Old text?");
        latest();
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.reset();
            assertThat(cache.size()).isZero();
            // a read while the reset's transaction is still open sees the old read model and caches it
            assertThat(latest().content().entries())
                    .extracting(ListEntryView::text)
                    .containsExactly("Old text?");
            store.rows.put(1, List.of(row("Rebuilt text?"))); // the reset commits; the rebuild makes version 1 anew
            List<TransactionSynchronization> pending = TransactionSynchronizationManager.getSynchronizations();
            assertThat(pending).hasSize(1);
            pending.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        int reads = store.rowReads;
        assertThat(latest().content().entries()).extracting(ListEntryView::text).containsExactly("Rebuilt text?");
        assertThat(store.rowReads).isEqualTo(reads + 1);
    }

    @Test
    void aChangedHeaderIsNotServedStale() {
        store.addVersion("one?");
        latest();
        store.title = "Renamed";
        assertThat(latest().content().title()).isEqualTo("Renamed");
        assertThat(latest().content().title()).isEqualTo("Renamed");
    }

    @Test
    void aReleaseLabelIsPartOfTheAnswer() {
        store.addVersion("one?");
        store.releases.put("r1", 1);
        ListVersionCache.Rendered released = queries.content(LIST, new ListQueries.Selector(null, "r1", null));
        assertThat(released.content().release()).isEqualTo("r1");
        assertThat(released.etag()).isNotEqualTo(latest().etag());
        assertThat(released.etag(ListExport.Format.CSV)).endsWith("-csv\"");
    }

    private ListVersionCache.Rendered latest() {
        return queries.content(LIST, new ListQueries.Selector(null, null, null));
    }

    private static ViewRow row(String text) {
        return new ViewRow(
                UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)), BigDecimal.ONE, text, List.of("t"), 1);
    }

    /** The read model of one list, in memory; counts what the queries read. */
    private static final class FakeStore extends ListStore {

        final Map<Integer, List<ViewRow>> rows = new HashMap<>();
        final Map<String, Integer> releases = new HashMap<>();
        int version;
        String title = "Title";
        int rowReads;
        int versionScans;

        FakeStore() {
            super(null, null);
            rows.put(0, List.of());
        }

        void addVersion(String text) {
            List<ViewRow> next = new ArrayList<>(rows.get(version));
            next.add(new ViewRow(UUID.randomUUID(), BigDecimal.valueOf(next.size() + 1), text, List.of(), 1));
            rows.put(++version, next);
        }

        @Override
        public Optional<Header> header(UUID listId) {
            return Optional.of(new Header(
                    listId, "name", title, null, version, rows.get(version).size(), Instant.EPOCH, Instant.EPOCH));
        }

        @Override
        public List<ViewRow> rows(UUID listId, int version) {
            rowReads++;
            return rows.get(version);
        }

        @Override
        public Optional<Instant> versionTime(UUID listId, int version) {
            return Optional.of(Instant.EPOCH.plusSeconds(version));
        }

        @Override
        public List<Version> versions(UUID listId) {
            versionScans++;
            return List.of();
        }

        @Override
        public Optional<Release> release(UUID listId, String label) {
            return Optional.ofNullable(releases.get(label)).map(v -> new Release(label, v, 0, Instant.EPOCH, null));
        }
    }

    private static final class NoTransactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
    }
}
