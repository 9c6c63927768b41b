package dev.qcurate.query.duplicates;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Questions indexed before their vectors were stored, embedded one chunk at a time on a thread of its own. Loading the
 * index at start-up or after a rebuild only reads stored vectors, so an instance serves within seconds however many
 * texts no instance has embedded yet; those questions are found by their terms until this backlog reaches them. Each
 * chunk is read, embedded (the vectors are stored for every instance), then handed back to be re-indexed from the
 * stored vectors by whoever writes the index, so that a chunk never overwrites a newer change of a question.
 */
final class EmbeddingBacklog implements AutoCloseable {

    /** Questions left to embed, on every instance: zero once the index holds every vector. */
    static final String METRIC = "qcurate.duplicates.embedding.backlog";

    private static final Logger log = LoggerFactory.getLogger(EmbeddingBacklog.class);
    private static final int CHUNK = 256;
    private static final long RETRY_MILLIS = 5_000;

    private final TextVectors vectors;
    private final Function<Set<UUID>, List<IndexEntry>> current;
    private final Function<Set<UUID>, Set<UUID>> reindex;
    private final Set<UUID> waiting = new LinkedHashSet<>(); // guarded by this
    private long loads; // guarded by this: clears so far
    private long chunkLoad; // guarded by this: the clears before the chunk in work was taken
    private Thread worker; // guarded by this
    private boolean closed; // guarded by this

    /**
     * @param current the questions' current entries (texts and aliases)
     * @param reindex re-indexes the questions from their stored vectors and names those still incomplete (their
     *                text changed meanwhile)
     */
    EmbeddingBacklog(
            TextVectors vectors,
            Function<Set<UUID>, List<IndexEntry>> current,
            Function<Set<UUID>, Set<UUID>> reindex,
            MeterRegistry meters) {
        this.vectors = vectors;
        this.current = current;
        this.reindex = reindex;
        Gauge.builder(METRIC, this, EmbeddingBacklog::size)
                .description("indexed questions whose sentence vectors are still to be computed")
                .register(meters);
    }

    synchronized int size() {
        return waiting.size();
    }

    synchronized void add(List<IndexEntry> entries) {
        if (closed || entries.isEmpty()) {
            return;
        }
        entries.forEach(entry -> waiting.add(entry.questionId()));
        if (worker == null) {
            worker = new Thread(this::drain, "embedding-backlog");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Forgets every question: the index is being loaded again, and adds what it still lacks. */
    synchronized void clear() {
        waiting.clear();
        loads++;
    }

    private void drain() {
        long started = System.nanoTime();
        int embedded = 0;
        Set<UUID> chunk;
        while (!(chunk = next()).isEmpty()) {
            try {
                List<String> texts = new ArrayList<>();
                current.apply(chunk).forEach(entry -> texts.addAll(entry.variants()));
                vectors.ofIndexed(texts);
                Set<UUID> incomplete = reindex.apply(chunk);
                embedded += chunk.size() - incomplete.size();
                done(chunk, incomplete);
            } catch (RuntimeException e) {
                log.warn("Embedding {} indexed questions failed, retried: {}", chunk.size(), e.toString());
                if (!pause()) {
                    return;
                }
            }
        }
        log.info(
                "Embedding backlog drained: {} questions in {} ms",
                embedded,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The next chunk, or none: then the worker ends, and the next {@link #add} starts another. */
    private synchronized Set<UUID> next() {
        Set<UUID> chunk = new LinkedHashSet<>();
        for (Iterator<UUID> ids = waiting.iterator(); ids.hasNext() && chunk.size() < CHUNK; ) {
            chunk.add(ids.next());
        }
        if (chunk.isEmpty() || closed) {
            worker = null;
            return Set.of();
        }
        chunkLoad = loads;
        return chunk;
    }

    /**
     * The chunk is indexed with its vectors, but for {@code incomplete}: those are taken again. After a load meanwhile
     * the backlog is that load's, and stays as it is.
     */
    private synchronized void done(Set<UUID> chunk, Set<UUID> incomplete) {
        if (chunkLoad != loads) {
            return;
        }
        chunk.stream().filter(id -> !incomplete.contains(id)).forEach(waiting::remove);
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            synchronized (this) {
                worker = null;
            }
            return false;
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            waiting.clear();
            running = worker;
        }
        if (running != null) {
            running.interrupt();
        }
    }
}
