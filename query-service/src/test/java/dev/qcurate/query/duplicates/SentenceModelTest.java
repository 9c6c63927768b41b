package dev.qcurate.query.duplicates;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SentenceModel runs the library's model in a session of its own (one thread, no spinning). Its vectors must stay
 * those of the library's own session, or the embeddings stored under {@link SentenceModel#MODEL_ID} would silently
 * mix two kinds of vector.
 */
class SentenceModelTest {

    @Test
    void embedsExactlyAsTheLibrarysOwnSessionDoes() {
        List<String> texts = List.of(
                "What is a closure in Python?",
                "How does Django defend against cross-site request forgery?",
                "list vs tuple ?");
        BgeSmallEnV15QuantizedEmbeddingModel library = new BgeSmallEnV15QuantizedEmbeddingModel();

        List<float[]> ours = SentenceModel.shared().embed(texts);

        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = library.embed(TextSegment.from(EmbeddingKey.normalise(texts.get(i))))
                    .content()
                    .vector();
            assertThat(ours.get(i)).as(texts.get(i)).containsExactly(Vectors.unit(theirs));
        }
    }
}
