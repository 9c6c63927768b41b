package dev.qcurate.query.projection;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An md5 per read-model table over all its rows in a stable order: equal checksums mean equal read models, which is
 * how rebuilds, redeliveries and crash recovery are checked. The change feed's outbox is left out: it records what
 * was published and deliberately survives rebuilds.
 */
@Component
@RequiredArgsConstructor
public class ReadModelChecksum {

    private final JdbcTemplate jdbc;

    public Map<String, String> compute() {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                  -- not derived from events: bookkeeping, the published feed, and the model's vectors kept per text
                  AND table_name NOT IN ('flyway_schema_history', 'projection_state', 'list_feed_outbox', 'rebuild_run',
                                         'text_embedding')
                ORDER BY table_name""", String.class);
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : tables) {
            // table names come from the catalogue, not from a client
            checksums.put(
                    table,
                    jdbc.queryForObject(
                            "SELECT coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '')" + " FROM \""
                                    + table + "\" t",
                            String.class));
        }
        return checksums;
    }
}
