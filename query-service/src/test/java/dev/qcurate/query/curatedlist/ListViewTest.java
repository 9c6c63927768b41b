package dev.qcurate.query.curatedlist;

import dev.qcurate.shared.question.QuestionStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ListViewTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final UUID T = UUID.randomUUID();

    private static ListView.Entry entry(UUID id, int key, UUID shown, QuestionStatus status, String text) {
        return new ListView.Entry(id, BigDecimal.valueOf(key), shown, status, text, List.of("t"), 1);
    }

    @Test
    void showsOnlyActiveQuestions() {
        View view = ListView.of(List.of(
                entry(A, 1, A, QuestionStatus.ACTIVE, "One?"),
                entry(B, 2, B, QuestionStatus.RETIRED, "Two?"),
                entry(C, 3, C, QuestionStatus.PROPOSED, "Three?")));
        assertThat(view.rows()).extracting(ViewRow::questionId).containsExactly(A);
    }

    @Test
    void showsAMergedEntryAsItsTargetOnceAtTheEarlierPosition() {
        View view = ListView.of(List.of(
                entry(A, 1, A, QuestionStatus.ACTIVE, "One?"),
                entry(B, 2, T, QuestionStatus.ACTIVE, "Target?"),
                entry(C, 3, C, QuestionStatus.ACTIVE, "Three?"),
                entry(T, 4, T, QuestionStatus.ACTIVE, "Target?")));
        assertThat(view.rows()).extracting(ViewRow::questionId).containsExactly(A, T, C);
        assertThat(view.rows().get(1).sortKey()).isEqualByComparingTo("2");
        assertThat(view.aliases()).containsExactly(new View.Alias(B, T));
    }

    @Test
    void collapsesQuestionsWithTheSameNormalisedTextKeepingTheFirst() {
        View view = ListView.of(List.of(
                entry(A, 1, A, QuestionStatus.ACTIVE, "What is  a Monad?"),
                entry(B, 2, B, QuestionStatus.ACTIVE, "what is a monad"),
                entry(C, 3, C, QuestionStatus.ACTIVE, "Other?")));
        assertThat(view.rows()).extracting(ViewRow::questionId).containsExactly(A, C);
        assertThat(view.aliases()).containsExactly(new View.Alias(B, A));
    }

    @Test
    void diffReportsAddedRemovedRewordedAndMerged() {
        ViewRow a = new ViewRow(A, BigDecimal.ONE, "One?", List.of(), 1);
        ViewRow b = new ViewRow(B, BigDecimal.valueOf(2), "Two?", List.of(), 1);
        ViewRow c = new ViewRow(C, BigDecimal.TEN, "Three?", List.of(), 1);
        ViewRow t = new ViewRow(T, BigDecimal.valueOf(3), "Target?", List.of(), 1);
        View before = new View(List.of(a, b, t), List.of());
        View after = new View(
                List.of(new ViewRow(A, BigDecimal.ONE, "One, reworded?", List.of(), 2), t, c),
                List.of(new View.Alias(B, T)));

        ListDiff diff = ListDiff.between(before, after);

        assertThat(diff.added()).extracting(ListEntryView::questionId).containsExactly(C);
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.reworded()).containsExactly(new ListDiff.Reworded(A, "One?", "One, reworded?"));
        assertThat(diff.merged()).containsExactly(new ListDiff.Merged(B, T));
        assertThat(ListDiff.between(after, before).removed())
                .extracting(ListEntryView::questionId)
                .containsExactly(C);
    }

    @Test
    void sortKeysInsertBetweenNeighboursWithoutMovingThem() {
        BigDecimal first = SortKeys.between(null, null);
        BigDecimal last = SortKeys.between(first, null);
        BigDecimal middle = SortKeys.between(first, last);
        BigDecimal front = SortKeys.between(null, first);
        assertThat(List.of(front, first, middle, last)).isSorted();
        assertThat(SortKeys.canonical(new BigDecimal("2.50"))).isEqualTo(new BigDecimal("2.5"));
        assertThat(SortKeys.canonical(new BigDecimal("1E+1"))).isEqualTo(new BigDecimal("10"));
    }
}
