package dev.qcurate.query.duplicates;

import dev.qcurate.query.duplicates.CandidateSearch.Probe;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;

import static dev.qcurate.query.duplicates.QuestionDocuments.ORDER;

/**
 * The check of an import: each item against the searchable questions of the index and against the items before it
 * in the batch, so duplicates within one document are found too. The batch is indexed once, in a throw-away
 * directory, with its order; the shared index stays unchanged. Items are searched in slices on this check's own
 * threads (never the common pool); when they are busy, the caller searches its slices itself.
 */
final class BatchCheck implements AutoCloseable {

    private static final int THREADS = 2;

    private final QuestionAnalyzer analyzer;
    private final QuestionDocuments documents;
    private final CandidateSearch search;
    private final TextVectors vectors;
    private final ThreadPoolExecutor executor = DaemonPools.bounded("duplicate-batch-check-", THREADS, 16);

    BatchCheck(QuestionAnalyzer analyzer, CandidateSearch search, TextVectors vectors) {
        this.analyzer = analyzer;
        this.documents = new QuestionDocuments(analyzer);
        this.search = search;
        this.vectors = vectors;
    }

    List<BatchResult> check(IndexSearcher searcher, List<BatchItem> items, int limit) throws IOException {
        List<float[]> itemVectors = vectors.ofIndexed(items.stream()
                .map(BatchItem::text)
                .map(text -> text.isBlank() ? "?" : text)
                .toList());
        try (ByteBuffersDirectory batchDirectory = new ByteBuffersDirectory()) {
            try (IndexWriter batchWriter = new IndexWriter(batchDirectory, new IndexWriterConfig(analyzer))) {
                for (int order = 0; order < items.size(); order++) {
                    BatchItem item = items.get(order);
                    if (!item.text().isBlank()) {
                        Document document = documents.document(
                                new IndexEntry(item.questionId(), item.text(), List.of(), false),
                                List.of(itemVectors.get(order)));
                        document.add(new IntPoint(ORDER, order));
                        batchWriter.addDocument(document);
                    }
                }
            }
            try (DirectoryReader batchReader = DirectoryReader.open(batchDirectory);
                    MultiReader both =
                            new MultiReader(new IndexReader[] {searcher.getIndexReader(), batchReader}, false)) {
                IndexSearcher combined = new IndexSearcher(both);
                return searchInSlices(combined, both, items, itemVectors, limit);
            }
        }
    }

    private List<BatchResult> searchInSlices(
            IndexSearcher combined, IndexReader both, List<BatchItem> items, List<float[]> itemVectors, int limit)
            throws IOException {
        int sliceSize = Math.max(1, (items.size() + THREADS - 1) / THREADS);
        List<Future<List<BatchResult>>> slices = new ArrayList<>();
        for (int start = 0; start < items.size(); start += sliceSize) {
            int from = start;
            int to = Math.min(items.size(), start + sliceSize);
            // each slice has its own Resemblance: it caches statistics and is not thread-safe
            slices.add(
                    executor.submit(() -> slice(combined, new Resemblance(both), items, itemVectors, from, to, limit)));
        }
        List<BatchResult> results = new ArrayList<>(items.size());
        try {
            for (Future<List<BatchResult>> slice : slices) {
                results.addAll(slice.get());
            }
        } catch (InterruptedException e) {
            slices.forEach(slice -> slice.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking an import batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("Checking an import batch failed", e.getCause());
        }
        return results;
    }

    private List<BatchResult> slice(
            IndexSearcher combined,
            Resemblance resemblance,
            List<BatchItem> items,
            List<float[]> itemVectors,
            int from,
            int to,
            int limit) {
        List<BatchResult> results = new ArrayList<>(to - from);
        for (int order = from; order < to; order++) {
            BatchItem item = items.get(order);
            Query visible = new BooleanQuery.Builder()
                    .add(CandidateSearch.SEARCHABLE_ONLY, Occur.SHOULD)
                    .add(IntPoint.newRangeQuery(ORDER, 0, order - 1), Occur.SHOULD)
                    .build();
            Probe probe = new Probe(documents.variantsOf(item.text()), List.of(itemVectors.get(order)));
            try {
                results.add(new BatchResult(
                        item.questionId(),
                        item.text(),
                        search.search(
                                combined,
                                resemblance,
                                probe,
                                limit,
                                Set.of(item.questionId().toString()),
                                visible)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return results;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
