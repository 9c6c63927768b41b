package dev.qcurate.query.duplicates;

import java.util.List;

/**
 * Unit-length sentence vectors of question texts, from one model: texts that are indexed (kept, so each distinct
 * text is embedded once) and free texts that are only looked up.
 */
public interface TextVectors {

    /** Names the model; vectors of different models are never compared. */
    String modelId();

    /** The vectors of texts about to be indexed, in order. */
    List<float[]> ofIndexed(List<String> texts);

    /**
     * The vectors of texts about to be indexed that are at hand without running the model, in order, null for the
     * others. Implementations that keep no vectors compute them all.
     */
    default List<float[]> ofIndexedIfStored(List<String> texts) {
        return ofIndexed(texts);
    }

    /** The vector of a text being looked up; not kept beyond a cache. */
    float[] ofQuery(String text);
}
