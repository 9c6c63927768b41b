package dev.qcurate.query.duplicates;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DuplicateIndexTest {

    private static final UUID LIST_TUPLE = UUID.randomUUID();
    private static final UUID SIGNALS = UUID.randomUUID();
    private static final UUID CONTEXT_MANAGER = UUID.randomUUID();
    private static final UUID DECORATORS = UUID.randomUUID();
    private static final UUID MIDDLEWARE = UUID.randomUUID();
    private static final UUID GIL = UUID.randomUUID();

    private DuplicateIndex index;

    @BeforeEach
    void indexSomeSeedQuestions() {
        index = new DuplicateIndex();
        index.upsert(LIST_TUPLE, "What is the difference between a list and a tuple?", List.of(), true);
        index.upsert(SIGNALS, "What is Django Signals? Use case example?", List.of(), true);
        index.upsert(CONTEXT_MANAGER, "What are context managers (with statement)?", List.of(), true);
        index.upsert(DECORATORS, "What are Python decorators?", List.of(), true);
        index.upsert(MIDDLEWARE, "What is middleware in Django?", List.of(), true);
        index.upsert(GIL, "What is the Global Interpreter Lock (GIL)?", List.of(), true);
        index.upsert(UUID.randomUUID(), "What are Django’s advantages over other frameworks?", List.of(), true);
        index.upsert(UUID.randomUUID(), "How do you send emails in Django?", List.of(), true);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void findsTheLongComparisonForTheShortOne() {
        List<DuplicateCandidate> candidates = index.candidates("list vs tuple ?", 5, Set.of());

        assertThat(candidates).isNotEmpty();
        assertThat(candidates.get(0).questionId()).isEqualTo(LIST_TUPLE);
        assertThat(candidates.get(0).likelyDuplicate()).isTrue();
    }

    @Test
    void toleratesTypos() {
        List<DuplicateCandidate> candidates = index.candidates("djnago singles", 5, Set.of());

        assertThat(candidates).isNotEmpty();
        assertThat(candidates.get(0).questionId()).isEqualTo(SIGNALS);
        // no longer flagged: the flag needs the sentence model's agreement too, and it reads "djnago singles" as noise
        // (the lexical score alone flagged it under the old lexical-only threshold; see docs/duplicates.md)
    }

    @Test
    void treatsTypographicAndStraightApostrophesAlike() {
        assertThat(index.candidates("What are Django's advantages over other frameworks?", 1, Set.of()))
                .first()
                // the same text once normalised: a float32 vector's cosine with itself is 1 to within rounding
                .satisfies(candidate -> assertThat(candidate.score()).isCloseTo(1.0, within(1e-6)));
    }

    @Test
    void doesNotFlagContextProcessorAsContextManager() {
        List<DuplicateCandidate> candidates = index.candidates("What is context processor in python ?", 5, Set.of());

        assertThat(candidates).noneMatch(DuplicateCandidate::likelyDuplicate);
    }

    @Test
    void doesNotFlagTheSameQuestionAboutAnotherSubject() {
        index.upsert(UUID.randomUUID(), "What are Python's key features?", List.of(), true);

        assertThat(index.candidates("What is Django? What are its key features?", 5, Set.of()))
                .noneMatch(DuplicateCandidate::likelyDuplicate);
    }

    @Test
    void leavesOutExcludedQuestions() {
        List<DuplicateCandidate> candidates = index.candidates("list vs tuple ?", 5, Set.of(LIST_TUPLE));

        assertThat(candidates).extracting(DuplicateCandidate::questionId).doesNotContain(LIST_TUPLE);
    }

    @Test
    void leavesOutTheQuestionItself() {
        UUID sameGil = UUID.randomUUID();
        index.upsert(sameGil, "What is GIL in python?", List.of(), true);

        List<DuplicateCandidate> candidates = index.candidatesOf(GIL, 5);

        assertThat(candidates)
                .extracting(DuplicateCandidate::questionId)
                .doesNotContain(GIL)
                .startsWith(sameGil);
    }

    @Test
    void leavesOutQuestionsThatAreNotSearchable() {
        listTupleSearchable(false);

        assertThat(foundFor("list vs tuple ?")).doesNotContain(LIST_TUPLE);
        assertThat(index.size()).isEqualTo(8);
    }

    @Test
    void followsAQuestionThatStopsAndStartsBeingSearchable() {
        // lookups in between: what is searchable is remembered per index segment, and must follow each update
        assertThat(foundFor("list vs tuple ?")).contains(LIST_TUPLE);
        listTupleSearchable(false);
        assertThat(foundFor("list vs tuple ?")).doesNotContain(LIST_TUPLE);
        listTupleSearchable(true);
        assertThat(foundFor("list vs tuple ?")).contains(LIST_TUPLE);
    }

    @Test
    void forgetsRemovedQuestions() {
        index.remove(DECORATORS);

        assertThat(foundFor("What is decorator in python ?")).doesNotContain(DECORATORS);
        assertThat(index.size()).isEqualTo(7);
    }

    @Test
    void matchesTheTextsOfMergedQuestions() {
        index.upsert(
                MIDDLEWARE, "What is middleware in Django?", List.of("How do you implement custom middleware?"), true);

        List<DuplicateCandidate> candidates = index.candidates("How to write a custom middleware ?", 5, Set.of());

        assertThat(candidates.get(0).questionId()).isEqualTo(MIDDLEWARE);
        assertThat(candidates.get(0).text()).isEqualTo("What is middleware in Django?");
        assertThat(candidates.get(0).likelyDuplicate()).isTrue();
    }

    @Test
    void scoresBetweenZeroAndOneBestFirst() {
        List<DuplicateCandidate> candidates =
                index.candidates("What is the use of Django middleware and signals?", 10, Set.of());

        assertThat(candidates).hasSizeGreaterThan(1);
        assertThat(candidates).allSatisfy(c -> assertThat(c.score()).isBetween(0.0, 1.0));
        assertThat(candidates)
                .isSortedAccordingTo(
                        Comparator.comparingDouble(DuplicateCandidate::score).reversed());
        assertThat(candidates)
                .allSatisfy(c -> assertThat(c.likelyDuplicate())
                        .isEqualTo(c.score() >= DuplicateIndex.LIKELY_DUPLICATE_THRESHOLD));
    }

    @Test
    void findsEarlierItemsOfTheSameBatchWithoutIndexingThem() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        List<BatchResult> results = index.candidatesForBatch(
                List.of(
                        new BatchItem(first, "Explain monkey patching in Python."),
                        new BatchItem(second, "What is monkey patching in python ?")),
                3);

        assertThat(results).hasSize(2);
        assertThat(results.get(0).candidates())
                .extracting(DuplicateCandidate::questionId)
                .doesNotContain(second);
        assertThat(results.get(1).candidates()).first().satisfies(candidate -> {
            assertThat(candidate.questionId()).isEqualTo(first);
            assertThat(candidate.likelyDuplicate()).isTrue();
        });
        assertThat(index.size()).isEqualTo(8);
        assertThat(index.candidates("monkey patching", 3, Set.of())).isEmpty();
    }

    @Test
    void offersOnlyEarlierItemsOfALargeBatchInItsOrder() {
        List<BatchItem> items = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> new BatchItem(UUID.randomUUID(), "What is monkey patching ?"))
                .toList();

        List<BatchResult> results = index.candidatesForBatch(items, 5);

        assertThat(results)
                .extracting(BatchResult::questionId)
                .containsExactlyElementsOf(
                        items.stream().map(BatchItem::questionId).toList());
        assertThat(results.get(0).candidates()).isEmpty();
        for (int i = 1; i < items.size(); i++) {
            Set<UUID> earlier = items.subList(0, i).stream()
                    .map(BatchItem::questionId)
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(results.get(i).candidates())
                    .isNotEmpty()
                    .allSatisfy(candidate -> assertThat(earlier).contains(candidate.questionId()));
        }
    }

    @Test
    void comparesBatchItemsWithTheIndexToo() {
        List<BatchResult> results =
                index.candidatesForBatch(List.of(new BatchItem(UUID.randomUUID(), "What is GIL in python?")), 3);

        assertThat(results.get(0).candidates())
                .first()
                .satisfies(candidate -> assertThat(candidate.questionId()).isEqualTo(GIL));
    }

    @Test
    void findsNothingForPurePhrasing() {
        assertThat(index.candidates("What is it and how does it work?", 5, Set.of()))
                .isEmpty();
    }

    @Test
    void clearsEverything() {
        index.clear();

        assertThat(index.size()).isZero();
        assertThat(index.candidates("list vs tuple ?", 5, Set.of())).isEmpty();
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThatThrownBy(() -> index.candidates("list vs tuple", 0, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The ids of the five best candidates for {@code text}, best first. */
    private List<UUID> foundFor(String text) {
        return index.candidates(text, 5, Set.of()).stream()
                .map(DuplicateCandidate::questionId)
                .toList();
    }

    /** Indexes the list-vs-tuple question again with the same text, searchable or not. */
    private void listTupleSearchable(boolean searchable) {
        index.upsert(LIST_TUPLE, "What is the difference between a list and a tuple?", List.of(), searchable);
    }
}
