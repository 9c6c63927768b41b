package dev.qcurate.query.curatedlist;

import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Curated lists and every version of what they show. Creation is version 0 (empty); each change of the view adds a
 * version. Runs first in each batch: it reads the {@code question} rows as they were before the batch and follows
 * the batch's question events itself (see {@link ListBatch}), so it must see the rows before the question
 * projection changes them.
 */
@Component
class ListProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ListVersioning versioning;

    ListProjection(JdbcTemplate jdbc, ListVersioning versioning) {
        this.jdbc = jdbc;
        this.versioning = versioning;
    }

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.LISTS;
    }

    @Override
    public void apply(StoredEvent event) {
        applyBatch(List.of(event));
    }

    @Override
    public void applyBatch(List<StoredEvent> events) {
        new ListBatch(jdbc, versioning).apply(events);
    }

    @Override
    public void reset() {
        // list_feed_outbox stays: it is the record of what was published, not derived state
        jdbc.execute("TRUNCATE curated_list, list_entry, list_view_row, list_view_alias, list_version, list_release,"
                + " list_pending_change");
    }
}
