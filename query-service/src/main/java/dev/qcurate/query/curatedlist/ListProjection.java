package dev.qcurate.query.curatedlist;

import dev.qcurate.query.projection.BatchProjection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Curated lists and every version of what they show. Creation is version 0 (empty); each change of the view adds a
 * version. Each batch is loaded from the store as it was before the batch, applied in memory ({@link ListBatch}) and
 * saved. Runs first in each batch: it reads the {@code question} rows as they were before the batch and follows the
 * batch's question events itself, so it must see the rows before the question projection changes them.
 */
@Component
@RequiredArgsConstructor
class ListProjection implements BatchProjection {

    private final ListStore store;

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.LISTS;
    }

    @Override
    public void applyBatch(List<StoredEvent> events) {
        ListBatch.Before before = store.load(ListBatch.Needs.of(events));
        store.save(ListBatch.apply(before, events));
    }

    @Override
    public void reset() {
        store.reset();
    }
}
