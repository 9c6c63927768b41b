package dev.qcurate.query.question;

import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.*;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/** Questions with their current state, every step of their history, and the aliases merges gave them. */
@Component
@Order(1)
class QuestionProjection implements Projection {

    private final JdbcTemplate jdbc;

    QuestionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(StoredEvent event) {
        Object payload = event.payload();
        if (payload instanceof QuestionProposedEvent e) {
            SourceRef source = e.source();
            jdbc.update("""
                    WITH changed AS (
                        INSERT INTO question (id, text, status, revision, tags, proposal_id, proposed_by,
                                              source_document, source_line, import_id, created_at, updated_at)
                        VALUES (?, ?, 'PROPOSED', 1, ?, ?, ?, ?, ?, ?, ?, ?)
                        RETURNING id, revision, text, status)
                    """ + HISTORY_FROM_CHANGED,
                    e.questionId().value(), e.text(), array(e.tags()), e.proposalId().value(), e.proposedBy(),
                    source == null ? null : source.document(), source == null ? null : source.line(),
                    source == null ? null : source.importId(), at(event), at(event),
                    event.position(), "PROPOSED", event.actor(), e.proposalId().value(), at(event));
        } else if (payload instanceof QuestionAcceptedEvent e) {
            update(event, e.questionId(), "ACCEPTED", e.proposalId(), "status = 'ACTIVE'");
        } else if (payload instanceof QuestionRejectedEvent e) {
            update(event, e.questionId(), "REJECTED", e.proposalId(), "status = 'REJECTED'");
        } else if (payload instanceof QuestionRewordedEvent e) {
            update(event, e.questionId(), "REWORDED", e.proposalId(), "text = ?, revision = ?", e.text(), e.revision());
        } else if (payload instanceof QuestionTagsChangedEvent e) {
            update(event, e.questionId(), "TAGS_CHANGED", e.proposalId(), "tags = ?, revision = ?", array(e.tags()),
                    e.revision());
        } else if (payload instanceof QuestionRetiredEvent e) {
            update(event, e.questionId(), "RETIRED", e.proposalId(), "status = 'RETIRED', revision = ?", e.revision());
        } else if (payload instanceof QuestionMergedEvent e) {
            update(event, e.questionId(), "MERGED", e.proposalId(), "status = 'MERGED', merged_into = ?, revision = ?",
                    e.targetId().value(), e.revision());
        } else if (payload instanceof DuplicateAbsorbedEvent e) {
            jdbc.update("INSERT INTO question_alias (question_id, source_id, alias) VALUES (?, ?, ?)",
                    e.questionId().value(), e.sourceId().value(), e.alias());
            update(event, e.questionId(), "ABSORBED_DUPLICATE", e.proposalId(), "tags = ?, revision = ?",
                    array(e.tags()), e.revision());
        } else if (payload instanceof QuestionUnmergedEvent e) {
            update(event, e.questionId(), "UNMERGED", e.proposalId(),
                    "status = 'ACTIVE', merged_into = NULL, text = ?, tags = ?, revision = ?",
                    e.text(), array(e.tags()), e.revision());
        } else if (payload instanceof DuplicateReleasedEvent e) {
            jdbc.update("DELETE FROM question_alias WHERE question_id = ? AND source_id = ?",
                    e.questionId().value(), e.sourceId().value());
            update(event, e.questionId(), "RELEASED_DUPLICATE", e.proposalId(), "tags = ?, revision = ?",
                    array(e.tags()), e.revision());
        }
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE question, question_history, question_alias");
    }

    /**
     * Records the step with the question's state right after it: the row as the statement before it in the same
     * WITH left it ({@code changed}). One round trip per event instead of two; the rebuild is bound by them.
     */
    private static final String HISTORY_FROM_CHANGED = """
            INSERT INTO question_history (question_id, position, revision, event, text, status, actor, proposal_id, at)
            SELECT id, ?, revision, ?, text, status, ?, ?, ? FROM changed""";

    private void update(StoredEvent event, QuestionId id, String step, ProposalId proposalId, String assignments,
                        Object... values) {
        Object[] arguments = new Object[values.length + 7];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = at(event);
        arguments[values.length + 1] = id.value();
        arguments[values.length + 2] = event.position();
        arguments[values.length + 3] = step;
        arguments[values.length + 4] = event.actor();
        arguments[values.length + 5] = proposalId == null ? null : proposalId.value();
        arguments[values.length + 6] = at(event);
        jdbc.update("WITH changed AS (UPDATE question SET " + assignments
                + ", updated_at = ? WHERE id = ? RETURNING id, revision, text, status) " + HISTORY_FROM_CHANGED,
                arguments);
    }

    private static Timestamp at(StoredEvent event) {
        return Timestamp.from(event.at());
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }
}
