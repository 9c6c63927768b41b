package dev.qcurate.query.duplicates;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The index's directory and writer, and searchers that see every write made before they were asked for. A searcher
 * is refreshed lazily, by the first reader after a write, so a burst of writes costs one refresh.
 */
final class IndexWriting implements AutoCloseable {

    /** A read against one searcher. */
    interface Read<T> {
        T from(IndexSearcher searcher) throws IOException;
    }

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong writes = new AtomicLong();
    private final Object refreshLock = new Object();
    private volatile long visibleWrites;

    IndexWriting(QuestionAnalyzer analyzer) {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void put(UUID questionId, Document document) {
        try {
            writer.updateDocument(QuestionDocuments.idTerm(questionId), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writes.incrementAndGet();
    }

    void remove(UUID questionId) {
        try {
            writer.deleteDocuments(QuestionDocuments.idTerm(questionId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writes.incrementAndGet();
    }

    void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writes.incrementAndGet();
    }

    /** Bytes the index holds in memory: its files and the writer's buffer. */
    long ramBytesUsed() {
        try {
            long files = 0;
            for (String file : directory.listAll()) {
                files += directory.fileLength(file);
            }
            return files + writer.ramBytesUsed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(Read<T> read) {
        IndexSearcher searcher = acquire();
        try {
            return read.from(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Makes every write made before this call visible, then hands out a searcher. */
    private IndexSearcher acquire() {
        long target = writes.get();
        if (visibleWrites < target) {
            synchronized (refreshLock) {
                if (visibleWrites < target) {
                    try {
                        searchers.maybeRefreshBlocking();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    visibleWrites = target;
                }
            }
        }
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (directory;
                writer;
                searchers) {
            // closes all three, in reverse order
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
