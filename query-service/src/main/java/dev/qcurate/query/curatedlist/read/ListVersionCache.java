package dev.qcurate.query.curatedlist.read;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.qcurate.query.curatedlist.ListStore;
import dev.qcurate.query.projection.LocalState;
import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * List versions as they were answered, kept in memory: a version never changes once it is made, so its JSON is
 * rendered once per (list, version, release label) and then served as bytes, with a strong ETag of those bytes.
 *
 * <p>It is a {@link Projection} only to hear of a rebuild: a reset empties it (again after the reset's transaction
 * ends), and every entry is keyed by the generation current when its loading began, so an entry read from the old
 * read model is never found after a reset. Every instance's own {@link dev.qcurate.query.projection.TopicTail} also
 * {@link #reload reloads} it when it sees the read model emptied or replaced, so no instance keeps serving renders of
 * the old one. Whether the version exists is checked against the read model on every
 * request ({@link ListQueries}), never against this cache.
 */
@Component
class ListVersionCache implements Projection, LocalState {

    record Key(long generation, UUID listId, int version, String release) {}

    /** One answered version: the view, its JSON, its ETag, and exports rendered from it on demand. */
    static final class Rendered {

        private final ListVersionView.Content content;
        private final byte[] json;
        private final String etag;
        private final Map<ListExport.Format, byte[]> exports = new ConcurrentHashMap<>();

        Rendered(ListVersionView.Content content, byte[] json) {
            this.content = content;
            this.json = json;
            this.etag = "\"v" + content.version() + "-" + digest(json) + "\"";
        }

        ListVersionView.Content content() {
            return content;
        }

        byte[] json() {
            return json;
        }

        String etag() {
            return etag;
        }

        /** The export's ETag: the export is a function of the content, so the content's digest identifies it. */
        String etag(ListExport.Format format) {
            return etag.substring(0, etag.length() - 1) + "-" + format.extension + "\"";
        }

        byte[] export(ListExport.Format format, Function<ListExport.Format, byte[]> render) {
            return exports.computeIfAbsent(format, render);
        }

        /** Whether the list's header still says what this answer says (names are not versioned). */
        boolean matches(ListStore.Header header) {
            return content.name().equals(header.name())
                    && content.title().equals(header.title())
                    && Objects.equals(content.description(), header.description());
        }

        private static String digest(byte[] bytes) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
                return HexFormat.of().formatHex(hash, 0, 12);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }

    private final Cache<Key, Rendered> cache;
    private final AtomicLong generation = new AtomicLong();

    ListVersionCache(@Value("${qcurate.list-cache.max-size:64MB}") DataSize maxSize) {
        // weight ~ memory: the JSON bytes, the view's strings (about as large again) and up to three exports
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxSize.toBytes())
                .weigher((Key key, Rendered rendered) -> (int) Math.min(Integer.MAX_VALUE, 5L * rendered.json.length))
                .build();
    }

    /** Read before anything is read from the read model for an answer, and passed to {@link #get}. */
    long generation() {
        return generation.get();
    }

    Rendered get(Key key, Function<Key, Rendered> load) {
        return cache.get(key, load);
    }

    void replace(Key key, Rendered rendered) {
        cache.put(key, rendered);
    }

    void clear() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    long size() {
        return cache.estimatedSize();
    }

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.LIST_VERSION_CACHE;
    }

    @Override
    public void apply(StoredEvent event) {
        // a new version adds an entry when it is first read; nothing already cached can change
    }

    /** The read model was emptied or replaced (on this instance or another): forget every render of it. */
    @Override
    public void reload() {
        clear();
    }

    @Override
    public void apply(List<StoredEvent> events) {
        // as for the projection: versions are immutable, nothing cached changes
    }

    @Override
    public void reset() {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // reads that began before the emptied tables were committed may have cached the old read model meanwhile
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }
}
