package dev.qcurate.query.duplicates;

import dev.qcurate.query.duplicates.CandidateSearch.Probe;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * In-memory Lucene index of question texts that proposes duplicate candidates, scored by {@link HybridScore}
 * (lexical resemblance and sentence-vector cosine). Thread-safe; every lookup sees all writes made before it.
 *
 * <p>Fed through four methods — {@link #upsertAll}, {@link #upsert}, {@link #remove}, {@link #clear} — by whoever
 * follows the questions (the {@link DuplicateProjection}); vectors come from {@link TextVectors}, which computes
 * each distinct text once.
 */
@Component
public class DuplicateIndex implements AutoCloseable {

    /** Flags a candidate as a likely duplicate; stored import scores are judged by it as well. */
    public static final double LIKELY_DUPLICATE_THRESHOLD = HybridScore.SHIPPED.threshold();

    /** Far longer than any lookup takes (they are bounded to moments of CPU). */
    private static final long RETIRE_AFTER_MILLIS = 60_000;

    private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
    private final QuestionDocuments documents = new QuestionDocuments(analyzer);
    private final TextVectors vectors;
    /** Replaced whole by {@link #reload}; a replaced one is closed once lookups still reading it are done. */
    private volatile IndexWriting writing;

    private final CandidateSearch search;
    private final BatchCheck batchCheck;

    /** With the sentence model itself (no stored vectors) and the shipped scoring: for tests and benchmarks. */
    public DuplicateIndex() {
        this(SentenceModel.shared(), HybridScore.SHIPPED);
    }

    @Autowired
    public DuplicateIndex(TextVectors vectors) {
        this(vectors, HybridScore.SHIPPED);
    }

    public DuplicateIndex(TextVectors vectors, HybridScore scoring) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.writing = new IndexWriting(analyzer);
        this.search = new CandidateSearch(scoring);
        this.batchCheck = new BatchCheck(analyzer, search, vectors);
    }

    // ------------------------------------------------------------------------------------------------ feed

    /** Adds or replaces questions; their texts are embedded together (or read from the stored vectors). */
    public void upsertAll(List<IndexEntry> entries) {
        List<String> texts = new ArrayList<>();
        entries.forEach(entry -> texts.addAll(entry.variants()));
        List<float[]> all = vectors.ofIndexed(texts);
        int next = 0;
        for (IndexEntry entry : entries) {
            int count = entry.variants().size();
            writing.put(entry.questionId(), documents.document(entry, all.subList(next, next + count)));
            next += count;
        }
    }

    /**
     * As {@link #upsertAll}, without running the sentence model: an entry whose vectors are not all stored yet is
     * indexed with those it has (found by its terms until then) and returned, for {@link #upsertAll} to complete.
     */
    public List<IndexEntry> upsertAllStored(List<IndexEntry> entries) {
        return upsertAllStored(writing, entries);
    }

    /** A whole new content for the index, loaded beside it; lookups see the old one until {@link #commit}. */
    public final class Reload {

        private final IndexWriting fresh = new IndexWriting(analyzer);

        private Reload() {}

        /** As {@link DuplicateIndex#upsertAllStored}, into the new content. */
        public List<IndexEntry> upsertAllStored(List<IndexEntry> entries) {
            return DuplicateIndex.this.upsertAllStored(fresh, entries);
        }

        /** Every lookup from now on sees the new content; lookups under way finish on the old one. */
        public void commit() {
            IndexWriting replaced = writing;
            writing = fresh;
            retire(replaced);
        }
    }

    /** Starts loading a whole new content; nothing changes for lookups until it is committed. */
    public Reload reload() {
        return new Reload();
    }

    private List<IndexEntry> upsertAllStored(IndexWriting target, List<IndexEntry> entries) {
        List<String> texts = new ArrayList<>();
        entries.forEach(entry -> texts.addAll(entry.variants()));
        List<float[]> all = vectors.ofIndexedIfStored(texts);
        List<IndexEntry> incomplete = new ArrayList<>();
        int next = 0;
        for (IndexEntry entry : entries) {
            List<float[]> own = all.subList(next, next + entry.variants().size());
            target.put(entry.questionId(), documents.document(entry, own));
            if (own.contains(null)) {
                incomplete.add(entry);
            }
            next += own.size();
        }
        return incomplete;
    }

    /** Closes a replaced index a while later: a lookup may have taken it just before the switch. */
    private static void retire(IndexWriting replaced) {
        Thread closer = new Thread(
                () -> {
                    try {
                        Thread.sleep(RETIRE_AFTER_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    replaced.close();
                },
                "duplicate-index-retire");
        closer.setDaemon(true);
        closer.start();
    }

    /** As {@link #upsertAll} for one question. */
    public void upsert(UUID questionId, String text, List<String> aliases, boolean searchable) {
        upsertAll(List.of(new IndexEntry(questionId, text, aliases, searchable)));
    }

    public void remove(UUID questionId) {
        writing.remove(Objects.requireNonNull(questionId, "questionId"));
    }

    public void clear() {
        writing.clear();
    }

    // ---------------------------------------------------------------------------------------------- lookups

    /** Bytes the index holds in memory. */
    public long ramBytesUsed() {
        return writing.ramBytesUsed();
    }

    /** Questions held, searchable or not. */
    public int size() {
        return writing.read(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Searchable questions resembling {@code text}, best first; none when the text has no meaningful term. */
    public List<DuplicateCandidate> candidates(String text, int limit, Set<UUID> exclude) {
        requirePositive(limit);
        String query = text == null ? "" : text;
        Set<String> excluded = new LinkedHashSet<>();
        if (exclude != null) {
            exclude.forEach(id -> excluded.add(id.toString()));
        }
        var variants = documents.variantsOf(query);
        if (variants.isEmpty()) {
            return List.of();
        }
        Probe probe = new Probe(variants, List.of(vectors.ofQuery(query)));
        return writing.read(searcher ->
                search.search(searcher, new Resemblance(searcher.getIndexReader()), probe, limit, excluded, null));
    }

    /** Searchable questions resembling the question (or one of its aliases), itself excluded; none if unknown. */
    public List<DuplicateCandidate> candidatesOf(UUID questionId, int limit) {
        Objects.requireNonNull(questionId, "questionId");
        requirePositive(limit);
        return writing.read(searcher -> {
            TopDocs hit = searcher.search(new TermQuery(QuestionDocuments.idTerm(questionId)), 1);
            if (hit.scoreDocs.length == 0) {
                return List.of();
            }
            int doc = hit.scoreDocs[0].doc;
            Document question = searcher.storedFields().document(doc, QuestionDocuments.STORED);
            Probe probe = new Probe(
                    QuestionDocuments.variantsOf(question),
                    QuestionDocuments.vectorsOf(searcher.getIndexReader(), doc, question));
            return search.search(
                    searcher,
                    new Resemblance(searcher.getIndexReader()),
                    probe,
                    limit,
                    Set.of(questionId.toString()),
                    null);
        });
    }

    /**
     * For an import: each item against the index and against the items before it in the batch (see
     * {@link BatchCheck}). The shared index stays unchanged.
     */
    public List<BatchResult> candidatesForBatch(List<BatchItem> items, int limit) {
        Objects.requireNonNull(items, "items");
        requirePositive(limit);
        return writing.read((IndexSearcher searcher) -> batchCheck.check(searcher, items, limit));
    }

    @Override
    public void close() {
        IndexWriting current = writing;
        try (analyzer;
                current;
                batchCheck) {
            // closes all three, in reverse order
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
