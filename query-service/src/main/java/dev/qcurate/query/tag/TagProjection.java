package dev.qcurate.query.tag;

import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ProjectionOrder;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.tag.TagsRenamedEvent;
import dev.qcurate.support.TagSynonymTable;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The synonyms renames left: each old name points at the tag it now stands for ({@link TagSynonymTable}, the rule the
 * command side's vocabulary applies too). The questions' own tags change through their
 * {@code QuestionTagsChangedEvent}s, which the question and list projections apply.
 */
@Component
@RequiredArgsConstructor
class TagProjection implements Projection {

    private final JdbcTemplate jdbc;

    @Override
    public ProjectionOrder order() {
        return ProjectionOrder.TAGS;
    }

    @Override
    public void apply(StoredEvent event) {
        if (event.payload() instanceof TagsRenamedEvent e) {
            TagSynonymTable.rename(jdbc, e.from(), e.to());
        }
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE tag_synonym");
    }
}
