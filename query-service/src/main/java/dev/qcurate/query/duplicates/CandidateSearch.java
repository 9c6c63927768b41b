package dev.qcurate.query.duplicates;

import dev.qcurate.query.duplicates.Resemblance.Variant;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
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
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;

import static dev.qcurate.query.duplicates.QuestionDocuments.BODY;
import static dev.qcurate.query.duplicates.QuestionDocuments.ID;
import static dev.qcurate.query.duplicates.QuestionDocuments.SEARCHABLE;
import static dev.qcurate.query.duplicates.QuestionDocuments.STORED;
import static dev.qcurate.query.duplicates.QuestionDocuments.TEXT;

/**
 * One lookup: BM25 (with fuzzy expansion of terms the index vocabulary does not confirm) and the HNSW graph each
 * retrieve their best hits; the union is scored by {@link HybridScore} from {@link Resemblance} and the cosine.
 * Thread-safe; the per-segment cache of searchable documents is shared by all lookups.
 */
final class CandidateSearch {

    static final Query SEARCHABLE_ONLY = new TermQuery(new Term(SEARCHABLE, "true"));

    private static final int LEXICAL_DEPTH = 30;
    private static final int SEMANTIC_DEPTH = 20;
    /** As IndexSearcher.search(query, n): hits counted exactly up to here, then pruning may start. */
    private static final int TOTAL_HITS_THRESHOLD = 1_000;

    private static final int FUZZY_EXPANSIONS = 10;
    private static final float FUZZY_BOOST = 0.5f;

    private final HybridScore scoring;
    private final Map<IndexReader.CacheKey, FixedBitSet> searchableBySegment =
            Collections.synchronizedMap(new WeakHashMap<>());

    CandidateSearch(HybridScore scoring) {
        this.scoring = scoring;
    }

    HybridScore scoring() {
        return scoring;
    }

    /** What is looked up: the analysed variants and the vectors of a text, or of an indexed question. */
    record Probe(List<Variant> variants, List<float[]> vectors) {}

    /**
     * @param visible which documents may be candidates; null for the searchable ones
     */
    List<DuplicateCandidate> search(
            IndexSearcher searcher,
            Resemblance resemblance,
            Probe probe,
            int limit,
            Set<String> excludedIds,
            Query visible)
            throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        probe.variants().forEach(variant -> terms.addAll(variant.terms()));
        if (terms.isEmpty()) {
            return List.of();
        }
        Map<Integer, Float> hits = new LinkedHashMap<>();
        for (ScoreDoc hit : lexical(searcher, resemblance, terms, limit, excludedIds, visible).scoreDocs) {
            hits.put(hit.doc, hit.score);
        }
        if (!probe.vectors().isEmpty()) {
            for (ScoreDoc hit : semantic(searcher, probe.vectors().get(0), excludedIds, visible).scoreDocs) {
                hits.putIfAbsent(hit.doc, 0f);
            }
        }
        StoredFields stored = searcher.storedFields();
        List<Ranked> ranked = new ArrayList<>(hits.size());
        for (Map.Entry<Integer, Float> hit : hits.entrySet()) {
            Document candidate = stored.document(hit.getKey(), STORED);
            List<Variant> candidateVariants = QuestionDocuments.variantsOf(candidate);
            double lexical = resemblance.score(probe.variants(), candidateVariants);
            double cosine = bestCosine(
                    probe.vectors(), QuestionDocuments.vectorsOf(searcher.getIndexReader(), hit.getKey(), candidate));
            double score =
                    scoring.combine(lexical, cosine, Resemblance.subjectsConflict(probe.variants(), candidateVariants));
            if (lexical > 0 || score > 0) {
                ranked.add(new Ranked(candidate, lexical, cosine, score, hit.getValue()));
            }
        }
        return RankFusion.order(ranked, scoring).stream()
                .limit(limit)
                .map(r -> r.toCandidate(scoring))
                .toList();
    }

    static double bestCosine(List<float[]> probe, List<float[]> candidate) {
        double best = -1;
        for (float[] a : probe) {
            for (float[] b : candidate) {
                best = Math.max(best, Vectors.cosine(a, b));
            }
        }
        return best;
    }

    private TopDocs lexical(
            IndexSearcher searcher,
            Resemblance resemblance,
            Set<String> terms,
            int limit,
            Set<String> excludedIds,
            Query visible)
            throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            query.add(new TermQuery(new Term(BODY, term)), Occur.SHOULD);
            if (resemblance.mayBeTypo(term)) {
                FuzzyQuery typos =
                        new FuzzyQuery(new Term(BODY, term), Resemblance.maxEdits(term), 1, FUZZY_EXPANSIONS, true);
                query.add(new BoostQuery(typos, FUZZY_BOOST), Occur.SHOULD);
            }
        }
        query.setMinimumNumberShouldMatch(1);
        excludedIds.forEach(id -> query.add(new TermQuery(new Term(ID, id)), Occur.MUST_NOT));
        int depth = Math.max(LEXICAL_DEPTH, limit);
        if (visible == null) {
            // Filtered while collecting, not by a FILTER clause: next to a required clause Lucene scores the
            // disjunction
            // exhaustively (every document sharing any term, most of the index for common words), while a disjunction
            // of its own gets top-k pruning (WAND/MaxScore). Same documents, same BM25 scores, same top hits.
            return searcher.search(query.build(), new SearchableOnly(depth));
        }
        query.add(visible, Occur.FILTER);
        return searcher.search(query.build(), depth);
    }

    private static TopDocs semantic(IndexSearcher searcher, float[] vector, Set<String> excludedIds, Query visible)
            throws IOException {
        BooleanQuery.Builder filter =
                new BooleanQuery.Builder().add(visible == null ? SEARCHABLE_ONLY : visible, Occur.FILTER);
        excludedIds.forEach(id -> filter.add(new TermQuery(new Term(ID, id)), Occur.MUST_NOT));
        return searcher.search(
                new KnnFloatVectorQuery(QuestionDocuments.VECTOR, vector, SEMANTIC_DEPTH, filter.build()),
                SEMANTIC_DEPTH);
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
            return top.reduce(
                    collectors.stream().map(collector -> collector.top).toList());
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

    /** A retrieved candidate with its two similarities and the score it is flagged by. */
    record Ranked(Document document, double lexical, double cosine, double score, float bm25) {

        DuplicateCandidate toCandidate(HybridScore scoring) {
            return new DuplicateCandidate(
                    UUID.fromString(document.get(ID)), document.get(TEXT), score, scoring.flags(score));
        }
    }
}
