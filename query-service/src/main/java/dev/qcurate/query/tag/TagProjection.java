package dev.qcurate.query.tag;

import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.tag.TagsRenamedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The synonyms renames left: each old name points at the tag it now stands for, in one step (the old names of a
 * renamed tag follow it; a tag renamed back to an old name stops being one). The same rules as the command side's
 * vocabulary, so both sides resolve an old name to the same tag. The questions' own tags change through their
 * {@code QuestionTagsChangedEvent}s, which the question and list projections apply.
 */
@Component
class TagProjection implements Projection {

    private final JdbcTemplate jdbc;

    TagProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.TAGS;
    }

    @Override
    public void apply(StoredEvent event) {
        if (event.payload() instanceof TagsRenamedEvent e) {
            String[] from = e.from().toArray(String[]::new);
            jdbc.update("UPDATE tag_synonym SET tag = ? WHERE tag = ANY (?)", e.to(), from);
            jdbc.update("DELETE FROM tag_synonym WHERE alias = ?", e.to());
            jdbc.update("""
                    INSERT INTO tag_synonym (alias, tag) SELECT unnest(?::text[]), ?
                    ON CONFLICT (alias) DO UPDATE SET tag = excluded.tag""", from, e.to());
        }
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE tag_synonym");
    }
}
