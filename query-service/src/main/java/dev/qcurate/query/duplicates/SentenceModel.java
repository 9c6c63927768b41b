package dev.qcurate.query.duplicates;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * BAAI bge-small-en-v1.5 (quantized), run in process by ONNX Runtime from the model inside its Maven jar: nothing is
 * downloaded at run time. Thread-safe. Several texts are embedded on this model's own two threads (never the common
 * pool); when they are busy and the queue is full the caller embeds, so the work stays bounded.
 */
public final class SentenceModel implements TextVectors, AutoCloseable {

    public static final String MODEL_ID = "bge-small-en-v15-q/langchain4j-embeddings-1.11.0-beta19";
    public static final int DIMENSION = 384;
    private static final int THREADS = 2;

    private static volatile SentenceModel shared;

    private final ThreadPoolExecutor executor;
    private final BgeSmallEnV15QuantizedEmbeddingModel model;

    public SentenceModel() {
        AtomicInteger threads = new AtomicInteger();
        executor = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256),
                task -> {
                    Thread thread = new Thread(task, "sentence-model-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        model = new BgeSmallEnV15QuantizedEmbeddingModel(executor);
    }

    /** One model per JVM for code that is not wired by Spring (tests, benchmarks): loading it costs ~0.5 s. */
    public static SentenceModel shared() {
        if (shared == null) {
            synchronized (SentenceModel.class) {
                if (shared == null) {
                    shared = new SentenceModel();
                }
            }
        }
        return shared;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public List<float[]> ofIndexed(List<String> texts) {
        return embed(texts);
    }

    @Override
    public float[] ofQuery(String text) {
        return embed(List.of(text)).get(0);
    }

    /** Embeds the normalised texts, in order. */
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream()
                .map(EmbeddingKey::normalise)
                .map(text -> TextSegment.from(text.isEmpty() ? "?" : text))
                .toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        embeddings.forEach(embedding -> vectors.add(Vectors.unit(embedding.vector())));
        return vectors;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
