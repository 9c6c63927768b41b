package dev.qcurate.command.tag;

import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.ProposedQuestionAmendedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRejectedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRevertedEvent;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;
import dev.qcurate.shared.tag.TagsRenamedEvent;
import dev.qcurate.support.TagSynonymTable;
import lombok.RequiredArgsConstructor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@link TagIndex} in PostgreSQL. Its handlers run in a subscribing processor, inside the unit of work (and the
 * database transaction) that stores the events, and a failure fails the command (see {@code TagIndexProcessing}).
 * Each question's rows are a function of its latest tag-bearing event alone, so replaying the store, or the backfill
 * in V14_1__tag_index.sql, gives the same rows.
 */
@Component
@ProcessingGroup(JdbcTagIndex.GROUP)
@RequiredArgsConstructor
class JdbcTagIndex implements TagIndex {

    static final String GROUP = "tag-index";

    private final JdbcTemplate jdbc;

    @Override
    public Map<String, String> currentFor(Collection<String> tags) {
        Map<String, String> current = new HashMap<>();
        if (!tags.isEmpty()) {
            jdbc.query(
                    "SELECT alias, tag FROM tag_synonym WHERE alias = ANY (?)",
                    rs -> {
                        current.put(rs.getString(1), rs.getString(2));
                    },
                    (Object) tags.toArray(String[]::new));
        }
        return current;
    }

    @Override
    public boolean inUse(String tag) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM question_tag WHERE tag = ?)", Boolean.class, tag));
    }

    @Override
    public List<QuestionId> questionsCarrying(Collection<String> tags, int limit) {
        return jdbc.query(
                """
                        SELECT DISTINCT question_id FROM question_tag WHERE tag = ANY (?)
                        ORDER BY question_id LIMIT ?""", (rs, row) -> QuestionId.of(rs.getObject(1, UUID.class)), tags.toArray(String[]::new), limit);
    }

    @EventHandler
    void on(QuestionProposedEvent e) {
        replace(e.questionId(), e.tags());
    }

    @EventHandler
    void on(QuestionTagsChangedEvent e) {
        replace(e.questionId(), e.tags());
    }

    @EventHandler
    void on(QuestionRevertedEvent e) {
        replace(e.questionId(), e.tags());
    }

    @EventHandler
    void on(ProposedQuestionAmendedEvent e) {
        replace(e.questionId(), e.tags());
    }

    @EventHandler
    void on(DuplicateAbsorbedEvent e) {
        replace(e.questionId(), e.tags());
    }

    @EventHandler
    void on(DuplicateReleasedEvent e) {
        replace(e.questionId(), e.tags());
    }

    @EventHandler
    void on(QuestionUnmergedEvent e) {
        replace(e.questionId(), e.tags());
    }

    /** Rejected, retired and merged questions keep their tags but no rename touches them. */
    @EventHandler
    void on(QuestionRejectedEvent e) {
        replace(e.questionId(), List.of());
    }

    @EventHandler
    void on(QuestionRetiredEvent e) {
        replace(e.questionId(), List.of());
    }

    @EventHandler
    void on(QuestionMergedEvent e) {
        replace(e.questionId(), List.of());
    }

    @EventHandler
    void on(TagsRenamedEvent e) {
        TagSynonymTable.rename(jdbc, e.from(), e.to());
    }

    private void replace(QuestionId question, List<String> tags) {
        jdbc.update("DELETE FROM question_tag WHERE question_id = ?", question.value());
        if (!tags.isEmpty()) {
            jdbc.update(
                    "INSERT INTO question_tag (question_id, tag) SELECT ?, unnest(?::text[])",
                    question.value(),
                    tags.toArray(String[]::new));
        }
    }
}
