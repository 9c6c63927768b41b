package dev.qcurate.query.duplicates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import dev.qcurate.query.duplicates.Resemblance.Variant;
import org.springframework.stereotype.Component;

/**
 * In-memory Lucene index of question texts that proposes duplicate candidates. Thread-safe; the question projection
 * keeps it current through {@link #upsert} and {@link #remove}, and every lookup sees all writes made before it.
 *
 * <p>Lookup: BM25 (with fuzzy expansion of terms the index vocabulary does not confirm) retrieves the
 * {@value #RERANK_DEPTH} best hits, which are then re-ranked by {@link Resemblance}, a score in [0, 1].
 */
@Component
public class DuplicateIndex implements AutoCloseable {

    /**
     * Chosen on the labelled seed pairs (src/test/resources/duplicates/README.md): F1 peaks at 0.60. Below it the
     * flags fill with merely related questions ("What is middleware?" / "How do you implement custom
     * middleware?"); above it duplicates with extra detail drop out.
     */
    public static final double LIKELY_DUPLICATE_THRESHOLD = 0.60;

    static final String ID = "id";
    static final String TEXT = "text";
    static final String BODY = "body";
    static final String TERMS = "terms";
    static final String PARTS = "parts";
    static final String SEARCHABLE = "searchable";
    /** Position of an item within an import batch; only in the batch's throw-away index. */
    static final String ORDER = "order";
    private static final Query SEARCHABLE_ONLY = new TermQuery(new Term(SEARCHABLE, "true"));

    private static final int RERANK_DEPTH = 30;
    /** As IndexSearcher.search(query, n): hits counted exactly up to here, then pruning may start. */
    private static final int TOTAL_HITS_THRESHOLD = 1_000;
    private static final int FUZZY_EXPANSIONS = 10;
    private static final float FUZZY_BOOST = 0.5f;
    private static final Set<String> STORED = Set.of(ID, TEXT, TERMS, PARTS);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[?!;])|(?<=\\.)\\s+");

    private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong writes = new AtomicLong();
    private final Object refreshLock = new Object();
    private volatile long visibleWrites;
    private final Map<IndexReader.CacheKey, FixedBitSet> searchableBySegment =
            Collections.synchronizedMap(new WeakHashMap<>());

    public DuplicateIndex() {
        try {
            writer = new IndexWriter(directory, writerConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds or replaces a question.
     *
     * @param aliases    texts of questions merged into this one; they match as if they were this question
     * @param searchable whether the question may be proposed as a candidate (status ACTIVE or PROPOSED)
     */
    public void upsert(UUID questionId, String text, List<String> aliases, boolean searchable) {
        Objects.requireNonNull(questionId, "questionId");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A question needs a text");
        }
        List<String> variants = new ArrayList<>();
        variants.add(text);
        if (aliases != null) {
            aliases.stream().filter(Objects::nonNull).filter(alias -> !alias.isBlank()).forEach(variants::add);
        }
        try {
            writer.updateDocument(idTerm(questionId), document(questionId, text, variants, searchable));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writes.incrementAndGet();
    }

    public void remove(UUID questionId) {
        Objects.requireNonNull(questionId, "questionId");
        try {
            writer.deleteDocuments(idTerm(questionId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writes.incrementAndGet();
    }

    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writes.incrementAndGet();
    }

    /** Questions held, searchable or not. */
    public int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    /** Searchable questions resembling {@code text}, best first; none when the text has no meaningful term. */
    public List<DuplicateCandidate> candidates(String text, int limit, Set<UUID> exclude) {
        requirePositive(limit);
        List<Variant> query = variantsOf(text == null ? "" : text);
        Set<String> excluded = new LinkedHashSet<>();
        if (exclude != null) {
            exclude.forEach(id -> excluded.add(id.toString()));
        }
        IndexSearcher searcher = acquire();
        try {
            return search(searcher, query, limit, excluded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Searchable questions resembling the question (or one of its aliases), itself excluded; none if unknown. */
    public List<DuplicateCandidate> candidatesOf(UUID questionId, int limit) {
        Objects.requireNonNull(questionId, "questionId");
        requirePositive(limit);
        IndexSearcher searcher = acquire();
        try {
            TopDocs hit = searcher.search(new TermQuery(idTerm(questionId)), 1);
            if (hit.scoreDocs.length == 0) {
                return List.of();
            }
            Document question = searcher.storedFields().document(hit.scoreDocs[0].doc, STORED);
            return search(searcher, variantsOf(question), limit, Set.of(questionId.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /**
     * For an import: each item is compared with the index and with the items before it in the batch. The batch is
     * indexed once, in a throw-away directory, with its order; each item's search is filtered to the searchable
     * questions of the index and the batch items before it. The shared index stays unchanged.
     */
    public List<BatchResult> candidatesForBatch(List<BatchItem> items, int limit) {
        Objects.requireNonNull(items, "items");
        requirePositive(limit);
        IndexSearcher searcher = acquire();
        try (ByteBuffersDirectory batchDirectory = new ByteBuffersDirectory()) {
            try (IndexWriter batchWriter = new IndexWriter(batchDirectory, writerConfig(analyzer))) {
                for (int order = 0; order < items.size(); order++) {
                    BatchItem item = items.get(order);
                    if (!item.text().isBlank()) {
                        Document document = document(item.questionId(), item.text(), List.of(item.text()), false);
                        document.add(new IntPoint(ORDER, order));
                        batchWriter.addDocument(document);
                    }
                }
            }
            try (DirectoryReader batchReader = DirectoryReader.open(batchDirectory);
                 MultiReader both = new MultiReader(
                         new IndexReader[] {searcher.getIndexReader(), batchReader}, false)) {
                IndexSearcher combined = new IndexSearcher(both);
                // Items are independent once the batch is indexed: search them on all cores, each thread with its
                // own Resemblance (it caches statistics and is not thread-safe).
                Map<Thread, Resemblance> resemblance = new ConcurrentHashMap<>();
                List<BatchResult> results = IntStream.range(0, items.size()).parallel().mapToObj(order -> {
                    BatchItem item = items.get(order);
                    Query visible = new BooleanQuery.Builder()
                            .add(SEARCHABLE_ONLY, Occur.SHOULD)
                            .add(IntPoint.newRangeQuery(ORDER, 0, order - 1), Occur.SHOULD)
                            .build();
                    try {
                        return new BatchResult(item.questionId(), item.text(), search(combined,
                                resemblance.computeIfAbsent(Thread.currentThread(), thread -> new Resemblance(both)),
                                variantsOf(item.text()), limit, Set.of(item.questionId().toString()), visible));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
                return results;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public void close() {
        try (analyzer; directory; writer; searchers) {
            // closes all four, in reverse order
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<DuplicateCandidate> search(IndexSearcher searcher, List<Variant> queryVariants, int limit,
                                            Set<String> excludedIds) throws IOException {
        return search(searcher, new Resemblance(searcher.getIndexReader()), queryVariants, limit, excludedIds,
                SEARCHABLE_ONLY);
    }

    /** @param visible which documents may be candidates at all */
    private List<DuplicateCandidate> search(IndexSearcher searcher, Resemblance resemblance,
                                            List<Variant> queryVariants, int limit, Set<String> excludedIds,
                                            Query visible) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        queryVariants.forEach(variant -> terms.addAll(variant.terms()));
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            query.add(new TermQuery(new Term(BODY, term)), Occur.SHOULD);
            if (resemblance.mayBeTypo(term)) {
                FuzzyQuery typos = new FuzzyQuery(new Term(BODY, term), Resemblance.maxEdits(term), 1,
                        FUZZY_EXPANSIONS, true);
                query.add(new BoostQuery(typos, FUZZY_BOOST), Occur.SHOULD);
            }
        }
        query.setMinimumNumberShouldMatch(1);
        excludedIds.forEach(id -> query.add(new TermQuery(new Term(ID, id)), Occur.MUST_NOT));
        int depth = Math.max(RERANK_DEPTH, limit);
        TopDocs top;
        if (visible == SEARCHABLE_ONLY) {
            // Filtered while collecting, not by a FILTER clause: next to a required clause Lucene scores the disjunction
            // exhaustively (every document sharing any term, most of the index for common words), while a disjunction
            // of its own gets top-k pruning (WAND/MaxScore). Same documents, same BM25 scores, same top hits.
            top = searcher.search(query.build(), new SearchableOnly(depth));
        } else {
            query.add(visible, Occur.FILTER);
            top = searcher.search(query.build(), depth);
        }
        StoredFields stored = searcher.storedFields();
        List<Ranked> ranked = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            Document candidate = stored.document(hit.doc, STORED);
            double score = resemblance.score(queryVariants, variantsOf(candidate));
            if (score > 0) {
                ranked.add(new Ranked(candidate, score, hit.score));
            }
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed()
                .thenComparing(Comparator.comparingDouble(Ranked::bm25).reversed()));
        return ranked.stream().limit(limit).map(Ranked::toCandidate).toList();
    }

    /** The best {@code depth} hits among searchable documents. */
    private final class SearchableOnly implements CollectorManager<SearchableOnly.Filtered, TopDocs> {

        private final TopScoreDocCollectorManager top;

        SearchableOnly(int depth) {
            top = new TopScoreDocCollectorManager(depth, null, TOTAL_HITS_THRESHOLD);
        }

        @Override
        public Filtered newCollector() throws IOException {
            return new Filtered(top.newCollector());
        }

        @Override
        public TopDocs reduce(Collection<Filtered> collectors) throws IOException {
            return top.reduce(collectors.stream().map(collector -> collector.top).toList());
        }

        final class Filtered extends FilterCollector {

            private final TopScoreDocCollector top;

            Filtered(TopScoreDocCollector top) {
                super(top);
                this.top = top;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                Bits searchable = searchable(context.reader());
                return new FilterLeafCollector(super.getLeafCollector(context)) {
                    @Override
                    public void collect(int doc) throws IOException {
                        if (searchable.get(doc)) {
                            in.collect(doc);
                        }
                    }
                };
            }
        }
    }

    /**
     * The documents of a segment indexed as searchable. A segment's postings never change (an update deletes the old
     * document and adds one to a new segment), so this is kept per segment core until the segment is gone.
     */
    private Bits searchable(LeafReader reader) throws IOException {
        IndexReader.CacheHelper cache = reader.getCoreCacheHelper();
        if (cache == null) {
            return searchableDocs(reader);
        }
        FixedBitSet known = searchableBySegment.get(cache.getKey());
        if (known == null) {
            known = searchableDocs(reader);
            searchableBySegment.put(cache.getKey(), known);
        }
        return known;
    }

    private static FixedBitSet searchableDocs(LeafReader reader) throws IOException {
        FixedBitSet searchable = new FixedBitSet(Math.max(1, reader.maxDoc()));
        PostingsEnum postings = reader.postings(new Term(SEARCHABLE, "true"), PostingsEnum.NONE);
        if (postings != null) {
            searchable.or(postings);
        }
        return searchable;
    }

    private Document document(UUID questionId, String text, List<String> variants, boolean searchable) {
        Document document = new Document();
        document.add(new StringField(ID, questionId.toString(), Field.Store.YES));
        document.add(new StoredField(TEXT, text));
        document.add(new StringField(SEARCHABLE, Boolean.toString(searchable), Field.Store.NO));
        for (String variant : variants) {
            // analysed once: the terms feed the stored variants, the cached tokens are what the writer indexes
            CachingTokenFilter tokens = new CachingTokenFilter(analyzer.tokenStream(BODY, variant));
            List<String> terms = QuestionAnalyzer.terms(tokens);
            document.add(new Field(BODY, tokens, TextField.TYPE_NOT_STORED));
            for (Variant analysed : variantsOf(variant, new LinkedHashSet<>(terms))) {
                document.add(new StoredField(analysed.part() ? PARTS : TERMS, String.join(" ", analysed.terms())));
            }
        }
        return document;
    }

    /** The whole text, and each of its sentences when it has more than one that means something. */
    private List<Variant> variantsOf(String text) {
        return variantsOf(text, termSet(text));
    }

    /** As {@link #variantsOf(String)}, with the terms of the whole text known. */
    private List<Variant> variantsOf(String text, Set<String> whole) {
        List<Variant> variants = new ArrayList<>();
        if (whole.isEmpty()) {
            return variants;
        }
        variants.add(new Variant(whole, false));
        String[] pieces = SENTENCE_END.split(text);
        if (pieces.length < 2) {
            return variants; // one sentence: no parts, nothing more to analyse
        }
        List<Set<String>> sentences = new ArrayList<>();
        for (String sentence : pieces) {
            Set<String> terms = termSet(sentence);
            if (!terms.isEmpty() && !terms.equals(whole)) {
                sentences.add(terms);
            }
        }
        if (sentences.size() > 1) {
            sentences.forEach(terms -> variants.add(new Variant(terms, true)));
        }
        return variants;
    }

    private Set<String> termSet(String text) {
        return new LinkedHashSet<>(analyzer.terms(text));
    }

    private static List<Variant> variantsOf(Document document) {
        List<Variant> variants = new ArrayList<>();
        for (String field : List.of(TERMS, PARTS)) {
            for (IndexableField value : document.getFields(field)) {
                String terms = value.stringValue();
                if (!terms.isEmpty()) {
                    variants.add(new Variant(new LinkedHashSet<>(List.of(terms.split(" "))), PARTS.equals(field)));
                }
            }
        }
        return variants;
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

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IndexWriterConfig writerConfig(QuestionAnalyzer analyzer) {
        return new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64);
    }

    private static Term idTerm(UUID questionId) {
        return new Term(ID, questionId.toString());
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    private record Ranked(Document document, double score, float bm25) {

        DuplicateCandidate toCandidate() {
            return new DuplicateCandidate(UUID.fromString(document.get(ID)), document.get(TEXT), score,
                    score >= LIKELY_DUPLICATE_THRESHOLD);
        }
    }
}
