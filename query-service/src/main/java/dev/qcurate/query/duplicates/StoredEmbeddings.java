package dev.qcurate.query.duplicates;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sentence vectors of indexed texts, kept in PostgreSQL ({@code text_embedding}) by model and normalised-text
 * hash: a text is embedded once, whichever instance, restart or rebuild needs it next. Free texts being looked up
 * (suggestions while typing) are not stored; a small cache saves re-embedding the same text typed again.
 */
@Component
class StoredEmbeddings implements TextVectors, DisposableBean {

    /** Texts per model call and per SELECT: ~0.5 s of model time, a few hundred KB of vectors. */
    private static final int CHUNK = 256;

    private static final int QUERY_CACHE = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownWrite;
    private final SentenceModel model = new SentenceModel();
    private final Cache<String, float[]> queries =
            Caffeine.newBuilder().maximumSize(QUERY_CACHE).build();
    private final Counter computed;
    private final Counter stored;

    StoredEmbeddings(JdbcTemplate jdbc, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        // the index is fed inside a read-only snapshot of the read model; new vectors are stored beside it
        this.ownWrite = new TransactionTemplate(transactions);
        this.ownWrite.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.computed = Counter.builder(METRIC)
                .tag("source", "model")
                .description("indexed texts embedded by the sentence model")
                .register(meters);
        this.stored = Counter.builder(METRIC)
                .tag("source", "stored")
                .description("indexed texts whose stored vector was read")
                .register(meters);
    }

    /** Texts whose vectors were needed for indexing, by where they came from ({@code model} or {@code stored}). */
    public static final String METRIC = "qcurate.duplicates.embeddings";

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public List<float[]> ofIndexed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += CHUNK) {
            vectors.addAll(chunk(texts.subList(start, Math.min(texts.size(), start + CHUNK))));
        }
        return vectors;
    }

    @Override
    public float[] ofQuery(String text) {
        return queries.get(EmbeddingKey.normalise(text), model::ofQuery);
    }

    @Override
    public List<float[]> ofIndexedIfStored(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += CHUNK) {
            List<ByteBuffer> keys = keysOf(texts.subList(start, Math.min(texts.size(), start + CHUNK)));
            Map<ByteBuffer, float[]> known = storedOf(keys);
            stored.increment(known.size());
            keys.forEach(key -> vectors.add(known.get(key)));
        }
        return vectors;
    }

    private List<float[]> chunk(List<String> texts) {
        List<ByteBuffer> keys = keysOf(texts);
        Map<ByteBuffer, float[]> known = storedOf(keys);
        Map<ByteBuffer, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!known.containsKey(keys.get(i))) {
                missing.putIfAbsent(keys.get(i), texts.get(i));
            }
        }
        stored.increment(texts.size() - missing.size());
        computed.increment(missing.size());
        if (!missing.isEmpty()) {
            List<ByteBuffer> computedKeys = List.copyOf(missing.keySet());
            List<float[]> computed = model.embed(List.copyOf(missing.values()));
            List<Object[]> rows = new ArrayList<>(computed.size());
            for (int i = 0; i < computed.size(); i++) {
                known.put(computedKeys.get(i), computed.get(i));
                rows.add(new Object[] {modelId(), computedKeys.get(i).array(), Vectors.toBytes(computed.get(i))});
            }
            // another instance may have stored the same text meanwhile: same model, same text, same vector
            ownWrite.executeWithoutResult(status -> jdbc.batchUpdate(
                    "INSERT INTO text_embedding (model_id, text_hash, vector) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    rows));
        }
        return keys.stream().map(known::get).toList();
    }

    private static List<ByteBuffer> keysOf(List<String> texts) {
        return texts.stream()
                .map(text -> ByteBuffer.wrap(EmbeddingKey.hash(text)))
                .toList();
    }

    private Map<ByteBuffer, float[]> storedOf(List<ByteBuffer> keys) {
        Map<ByteBuffer, float[]> known = new HashMap<>();
        jdbc.query(
                "SELECT text_hash, vector FROM text_embedding WHERE model_id = ? AND text_hash = ANY (?)",
                rs -> {
                    byte[] vector = rs.getBytes(2);
                    known.put(ByteBuffer.wrap(rs.getBytes(1)), Vectors.fromBytes(vector, 0, vector.length));
                },
                modelId(),
                keys.stream().distinct().map(ByteBuffer::array).toArray(byte[][]::new));
        return known;
    }

    @Override
    public void destroy() {
        model.close();
    }
}
