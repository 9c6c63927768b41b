package dev.qcurate.query.projection;

import java.util.List;

/**
 * A projection that reads and writes a whole batch at once (one query for the rows it needs, batched writes); a
 * single event is applied as a batch of one, so both paths run the same code.
 */
public interface BatchProjection extends Projection {

    @Override
    default void apply(StoredEvent event) {
        applyBatch(List.of(event));
    }

    @Override
    void applyBatch(List<StoredEvent> events);
}
