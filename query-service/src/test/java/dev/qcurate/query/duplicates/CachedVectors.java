package dev.qcurate.query.duplicates;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sentence model with every vector kept in memory: one embedding per distinct text across the indexes of a run. */
final class CachedVectors implements TextVectors {

    private final SentenceModel model;
    private final Map<String, float[]> known = new ConcurrentHashMap<>();

    CachedVectors(SentenceModel model) {
        this.model = model;
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public List<float[]> ofIndexed(List<String> texts) {
        List<String> missing = texts.stream()
                .map(EmbeddingKey::normalise)
                .distinct()
                .filter(text -> !known.containsKey(text))
                .toList();
        List<float[]> computed = model.embed(missing);
        for (int i = 0; i < missing.size(); i++) {
            known.put(missing.get(i), computed.get(i));
        }
        return texts.stream()
                .map(text -> known.get(EmbeddingKey.normalise(text)))
                .toList();
    }

    @Override
    public float[] ofQuery(String text) {
        return ofIndexed(List.of(text)).get(0);
    }
}
