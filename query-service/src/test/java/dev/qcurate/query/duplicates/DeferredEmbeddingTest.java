package dev.qcurate.query.duplicates;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading the index: from stored vectors only (what has none is found by its terms, and in full once embedded), and
 * beside the index lookups use, which they see until the load is complete.
 */
class DeferredEmbeddingTest {

    private static final String TEXT = "What is the difference between a list and a tuple in Python?";

    private final PartlyStored vectors = new PartlyStored();
    private final DuplicateIndex index = new DuplicateIndex(vectors);

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void anUnembeddedQuestionIsFoundByItsTermsUntilItsVectorsAreThere() {
        UUID question = UUID.randomUUID();
        IndexEntry entry = new IndexEntry(question, TEXT, List.of(), true);

        assertThat(index.upsertAllStored(List.of(entry))).containsExactly(entry);
        assertThat(vectors.computed).as("the model is not run").isZero();
        DuplicateCandidate lexicalOnly = index.candidates(TEXT, 1, Set.of()).get(0);
        assertThat(lexicalOnly.questionId()).isEqualTo(question);

        index.upsertAll(List.of(entry));
        DuplicateCandidate complete = index.candidates(TEXT, 1, Set.of()).get(0);
        assertThat(complete.questionId()).isEqualTo(question);
        assertThat(complete.score()).as("the cosine counts now").isGreaterThan(lexicalOnly.score());
        assertThat(index.upsertAllStored(List.of(entry)))
                .as("stored by the embedding")
                .isEmpty();
    }

    @Test
    void aQuestionMissingOnlyAnAliasVectorIsIncompleteAndKeepsTheOthers() {
        UUID question = UUID.randomUUID();
        String alias = "Lists versus tuples: when to use which?";
        vectors.ofIndexed(List.of(TEXT));
        IndexEntry entry = new IndexEntry(question, TEXT, List.of(alias), true);

        assertThat(index.upsertAllStored(List.of(entry))).containsExactly(entry);
        assertThat(index.candidates(TEXT, 1, Set.of()).get(0).score())
                .as("its text's vector is used")
                .isGreaterThan(0.9);
    }

    @Test
    void lookupsSeeTheOldContentUntilAReloadIsCommitted() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String other = "How does Django route a request to a view?";
        index.upsertAll(List.of(new IndexEntry(before, TEXT, List.of(), true)));

        DuplicateIndex.Reload reload = index.reload();
        reload.upsertAllStored(List.of(new IndexEntry(after, other, List.of(), true)));
        assertThat(index.candidates(TEXT, 1, Set.of()))
                .extracting(DuplicateCandidate::questionId)
                .containsExactly(before);
        assertThat(index.candidates(other, 1, Set.of())).isEmpty();

        reload.commit();
        assertThat(index.candidates(TEXT, 1, Set.of())).isEmpty();
        assertThat(index.candidates(other, 1, Set.of()))
                .extracting(DuplicateCandidate::questionId)
                .containsExactly(after);
        assertThat(index.size()).isEqualTo(1);
    }

    /** The model, with a store that starts empty: only what {@link #ofIndexed} embedded is "stored". */
    private static final class PartlyStored implements TextVectors {

        private final Set<String> stored = new HashSet<>();
        private int computed;

        @Override
        public String modelId() {
            return SentenceModel.MODEL_ID;
        }

        @Override
        public List<float[]> ofIndexed(List<String> texts) {
            computed += texts.size();
            stored.addAll(texts);
            return SentenceModel.shared().ofIndexed(texts);
        }

        @Override
        public List<float[]> ofIndexedIfStored(List<String> texts) {
            List<float[]> known = SentenceModel.shared().ofIndexed(texts);
            List<float[]> result = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                result.add(stored.contains(texts.get(i)) ? known.get(i) : null);
            }
            return result;
        }

        @Override
        public float[] ofQuery(String text) {
            return SentenceModel.shared().ofQuery(text);
        }
    }
}
