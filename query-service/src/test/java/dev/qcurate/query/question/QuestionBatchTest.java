package dev.qcurate.query.question;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.query.question.QuestionBatch.AliasKey;
import dev.qcurate.query.question.QuestionBatch.HistoryEntry;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionStatus;
import dev.qcurate.shared.tag.TagsRenamedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a batch does to the question read model, worked out without a database. */
class QuestionBatchTest {

    private final QuestionId q = QuestionId.random();
    private final QuestionId other = QuestionId.random();
    private final ProposalId p = ProposalId.random();
    private final QuestionState stored =
            new QuestionState(q.value(), "Old?", QuestionStatus.ACTIVE, 4, List.of("a"), null);
    private long position;

    @Test
    void aProposalAcceptedInTheSameBatchIsInsertedOnceWithBothHistorySteps() {
        QuestionBatch batch = new QuestionBatch(Map.of());
        List<StoredEvent> events = List.of(
                event(new QuestionProposedEvent(q, p, "New?", List.of("t"), null, "ed")),
                event(new QuestionAcceptedEvent(q, p)));

        events.forEach(batch::apply);

        assertThat(batch.created()).singleElement().satisfies(row -> {
            assertThat(row.state.status()).isEqualTo(QuestionStatus.ACTIVE);
            assertThat(row.createdAt).isEqualTo(Instant.ofEpochSecond(1));
            assertThat(row.updatedAt).isEqualTo(Instant.ofEpochSecond(2));
        });
        assertThat(batch.changed()).isEmpty();
        assertThat(batch.history())
                .extracting(HistoryEntry::step, entry -> entry.state().status(), HistoryEntry::position)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(HistoryStep.PROPOSED, QuestionStatus.PROPOSED, 1L),
                        org.assertj.core.groups.Tuple.tuple(HistoryStep.ACCEPTED, QuestionStatus.ACTIVE, 2L));
        assertThat(QuestionBatch.updatedQuestions(events)).containsExactly(q.value());
    }

    @Test
    void anUpdateOfAStoredRowChangesItAndRecordsTheRowAsItLeftIt() {
        QuestionBatch batch = new QuestionBatch(Map.of(q.value(), stored));

        batch.apply(event(new QuestionRewordedEvent(q, p, 5, "New?", "Old?", "ed")));

        assertThat(batch.created()).isEmpty();
        assertThat(batch.changed())
                .singleElement()
                .satisfies(row -> assertThat(row.state)
                        .isEqualTo(new QuestionState(q.value(), "New?", QuestionStatus.ACTIVE, 5, List.of("a"), null)));
        assertThat(batch.history()).singleElement().satisfies(entry -> {
            assertThat(entry.step()).isEqualTo(HistoryStep.REWORDED);
            assertThat(entry.proposalId()).isEqualTo(p.value());
            assertThat(entry.actor()).isEqualTo("ed");
        });
    }

    @Test
    void anUpdateOfAnUnknownQuestionWritesNothing() {
        QuestionBatch batch = new QuestionBatch(Map.of());

        batch.apply(event(new QuestionAcceptedEvent(q, p)));
        batch.apply(event(new TagsRenamedEvent(p, List.of("a"), "b")));

        assertThat(batch.created()).isEmpty();
        assertThat(batch.changed()).isEmpty();
        assertThat(batch.history()).isEmpty();
    }

    @Test
    void anAliasAddedAndReleasedInOneBatchIsNeverInserted() {
        QuestionBatch batch = new QuestionBatch(Map.of(q.value(), stored));

        batch.apply(event(new DuplicateAbsorbedEvent(q, other, p, 5, "Other?", List.of(), List.of("a"))));
        batch.apply(event(new DuplicateReleasedEvent(q, other, p, 6, "Other?", List.of(), List.of("a"))));

        assertThat(batch.aliasesAdded()).isEmpty();
        assertThat(batch.aliasesDeleted()).isEqualTo(Set.of(new AliasKey(q.value(), other.value())));
        assertThat(batch.history())
                .extracting(HistoryEntry::step)
                .containsExactly(HistoryStep.ABSORBED_DUPLICATE, HistoryStep.RELEASED_DUPLICATE);
    }

    @Test
    void anAliasReleasedAndAbsorbedAgainIsDeletedThenInserted() {
        QuestionBatch batch = new QuestionBatch(Map.of(q.value(), stored));

        batch.apply(event(new DuplicateReleasedEvent(q, other, p, 5, "Other?", List.of(), List.of("a"))));
        batch.apply(event(new DuplicateAbsorbedEvent(q, other, p, 6, "Other!", List.of(), List.of("a"))));

        assertThat(batch.aliasesDeleted()).containsExactly(new AliasKey(q.value(), other.value()));
        assertThat(batch.aliasesAdded()).isEqualTo(Map.of(new AliasKey(q.value(), other.value()), "Other!"));
    }

    private StoredEvent event(Object payload) {
        position++;
        return new StoredEvent(position, payload, Instant.ofEpochSecond(position), "ed", null);
    }
}
