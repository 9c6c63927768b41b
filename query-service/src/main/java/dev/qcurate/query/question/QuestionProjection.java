package dev.qcurate.query.question;

import dev.qcurate.query.projection.BatchProjection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Questions with their current state, every step of their history, and the aliases merges gave them. A batch is
 * applied in memory ({@link QuestionBatch}) over the rows it updates, read in one query; {@link QuestionStore} then
 * writes the new rows, the updated rows, the history steps and the alias changes with one batched statement each.
 */
@Component
@RequiredArgsConstructor
class QuestionProjection implements BatchProjection {

    private final QuestionStore store;

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.QUESTIONS;
    }

    @Override
    public void applyBatch(List<StoredEvent> events) {
        QuestionBatch batch = new QuestionBatch(store.load(QuestionBatch.updatedQuestions(events)));
        events.forEach(batch::apply);
        store.save(batch);
    }

    @Override
    public void reset() {
        store.reset();
    }
}
