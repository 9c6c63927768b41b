package dev.qcurate.query.duplicates;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import lombok.RequiredArgsConstructor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many questions hold each body term, read once per index reader and shared by every lookup against it: each
 * lookup needs the statistics of its candidates' terms, and reading them from every segment's term dictionary was
 * about a third of a lookup's CPU. A reader's statistics never change; a refreshed reader starts empty, and a closed
 * reader's are dropped (they hold the reader: weak keys would never be cleared).
 */
@RequiredArgsConstructor
final class DocFreqs {

    /** Terms remembered per reader: arbitrary query words must not grow it without bound. */
    private static final int MAX_TERMS = 50_000;

    private static final Map<IndexReader.CacheKey, DocFreqs> BY_READER = new ConcurrentHashMap<>();

    private final IndexReader reader;
    private final Cache<String, Integer> counts =
            Caffeine.newBuilder().maximumSize(MAX_TERMS).build();

    /** The reader's shared statistics, or statistics of its own for a reader that cannot be cached by (a batch's). */
    static DocFreqs of(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return new DocFreqs(reader);
        }
        return BY_READER.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(BY_READER::remove);
            return new DocFreqs(reader);
        });
    }

    /** Whether statistics are kept for the reader of this key (they are dropped once it is closed). */
    static boolean held(IndexReader.CacheKey reader) {
        return BY_READER.containsKey(reader);
    }

    int of(String term) {
        return counts.get(term, t -> {
            try {
                return reader.docFreq(new Term(QuestionDocuments.BODY, t));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
