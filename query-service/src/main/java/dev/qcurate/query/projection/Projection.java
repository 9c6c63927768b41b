package dev.qcurate.query.projection;

import java.util.Comparator;
import java.util.List;

/**
 * A part of the read model. Called inside the batch's transaction with the batch's new events in global order;
 * events it does not care about are ignored.
 */
public interface Projection {

    /** Where this projection applies each batch, relative to the others. */
    ProjectionOrder order();

    void apply(StoredEvent event);

    /**
     * Applies the batch's new events, in order, as if {@link #apply} were called for each. Projections that can
     * read and write a whole batch at once are {@link BatchProjection}s.
     */
    default void applyBatch(List<StoredEvent> events) {
        events.forEach(this::apply);
    }

    /** Empties this projection's tables, before a rebuild from the start of the topic. */
    void reset();

    /** The projections in the order of {@link ProjectionOrder}. */
    static List<Projection> inOrder(List<Projection> projections) {
        return projections.stream()
                .sorted(Comparator.comparing(Projection::order))
                .toList();
    }
}
