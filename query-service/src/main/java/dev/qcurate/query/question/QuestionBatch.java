package dev.qcurate.query.question;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.QuestionEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a batch of events does to the question read model, worked out in memory from the rows it updates: the new
 * and changed rows, the history steps, and the aliases merges add and undo. {@link QuestionStore} reads the rows
 * before and writes the result; nothing here touches the database.
 */
final class QuestionBatch {

    private final Map<UUID, Row> rows = new LinkedHashMap<>();
    private final List<HistoryEntry> history = new ArrayList<>();
    /** (question, source) → alias added by the batch, or null: deleted. */
    private final Map<AliasKey, String> aliases = new LinkedHashMap<>();

    private final Set<AliasKey> aliasesDeleted = new LinkedHashSet<>();

    /** A batch over the rows of the questions it updates, as they are before it ({@link #updatedQuestions}). */
    QuestionBatch(Map<UUID, QuestionState> before) {
        before.forEach((id, state) -> rows.put(id, new Row(state, null, null)));
    }

    /** The questions whose existing rows the events update (a proposal creates its row instead). */
    static Set<UUID> updatedQuestions(List<StoredEvent> events) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (StoredEvent event : events) {
            if (event.payload() instanceof QuestionEvent e && !(e instanceof QuestionProposedEvent)) {
                ids.add(e.questionId().value());
            }
        }
        return ids;
    }

    void apply(StoredEvent event) {
        if (!(event.payload() instanceof QuestionEvent e)) {
            return;
        }
        UUID id = e.questionId().value();
        if (e instanceof QuestionProposedEvent proposed) {
            Row row = new Row(QuestionState.proposed(proposed), proposed, event.at());
            rows.put(id, row);
            history.add(row.step(event, HistoryStep.PROPOSED, proposed.proposalId()));
            return;
        }
        if (e instanceof DuplicateAbsorbedEvent absorbed) {
            aliases.put(new AliasKey(id, absorbed.sourceId().value()), absorbed.alias());
        } else if (e instanceof DuplicateReleasedEvent released) {
            AliasKey key = new AliasKey(id, released.sourceId().value());
            if (aliases.get(key) != null) {
                aliases.remove(key); // added in this batch: never written
            } else {
                aliases.put(key, null);
            }
            aliasesDeleted.add(key);
        }
        Row row = rows.get(id);
        if (row == null) {
            return; // no such question: nothing to update, no history (as an UPDATE of no row)
        }
        row.state = row.state.next(e);
        row.updatedAt = event.at();
        row.changed = true;
        history.add(row.step(event, HistoryStep.of(e), e.proposalId()));
    }

    /** Rows the batch created, as they are after it. */
    List<Row> created() {
        return rows.values().stream().filter(row -> row.proposed != null).toList();
    }

    /** Rows that existed before the batch and that it changed. */
    List<Row> changed() {
        return rows.values().stream()
                .filter(row -> row.proposed == null && row.changed)
                .toList();
    }

    List<HistoryEntry> history() {
        return history;
    }

    /** Aliases to delete, before {@link #aliasesAdded()} are inserted. */
    Set<AliasKey> aliasesDeleted() {
        return aliasesDeleted;
    }

    Map<AliasKey, String> aliasesAdded() {
        Map<AliasKey, String> added = new LinkedHashMap<>();
        aliases.forEach((key, alias) -> {
            if (alias != null) {
                added.put(key, alias);
            }
        });
        return added;
    }

    record AliasKey(UUID questionId, UUID sourceId) {}

    /** One row of {@code question_history}: the question as the step left it. */
    record HistoryEntry(
            long position, HistoryStep step, QuestionState state, String actor, UUID proposalId, Instant at) {}

    /** A question's row during a batch: created by it ({@code proposed}), or read and perhaps changed by it. */
    static final class Row {
        QuestionState state;
        /** The row as it was before the batch; null for one the batch creates. */
        final QuestionState before;

        final QuestionProposedEvent proposed;
        final Instant createdAt;
        Instant updatedAt;
        boolean changed;

        private Row(QuestionState state, QuestionProposedEvent proposed, Instant createdAt) {
            this.state = state;
            this.before = proposed == null ? state : null;
            this.proposed = proposed;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        private HistoryEntry step(StoredEvent event, HistoryStep step, ProposalId proposalId) {
            return new HistoryEntry(
                    event.position(),
                    step,
                    state,
                    event.actor(),
                    proposalId == null ? null : proposalId.value(),
                    event.at());
        }
    }
}
