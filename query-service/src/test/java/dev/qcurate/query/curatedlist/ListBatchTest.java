package dev.qcurate.query.curatedlist;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.query.question.QuestionState;
import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.curatedlist.ListEntryAddedEvent;
import dev.qcurate.shared.curatedlist.ListEntryMovedEvent;
import dev.qcurate.shared.curatedlist.ListEntryRemovedEvent;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionStatus;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list projection's rules, applied in memory to a batch of events: no database. Each test gives the read model as
 * it was before the batch ({@link ListBatch.Before}) and checks the versions, rows and state the batch leaves.
 */
class ListBatchTest {

    private static final CuratedListId LIST = CuratedListId.random();

    private final List<StoredEvent> events = new ArrayList<>();
    /** Questions as the question table held them before the batch. */
    private final Map<UUID, QuestionState> questionsBefore = new HashMap<>();
    /** Lists as the tables held them before the batch. */
    private final Map<UUID, ListState> listsBefore = new HashMap<>();

    private final Map<UUID, Map<UUID, ListCause>> pendingBefore = new HashMap<>();
    private ListChanges changes;

    @Test
    void creationIsVersionZeroAndEmptyWithTheNameAsDefaultTitle() {
        event(new CuratedListCreatedEvent(LIST, "basics", null, "about basics"));

        project();

        assertThat(versions()).containsExactly(0);
        ListState list = list();
        assertThat(list.created).isTrue();
        assertThat(list.title).isEqualTo("basics");
        assertThat(list.description).isEqualTo("about basics");
        assertThat(list.rows).isEmpty();
        assertThat(changes.versions.get(0).cause().type()).isEqualTo("CuratedListCreatedEvent");
    }

    @Test
    void aSecondCreationOfTheSameListChangesNothing() {
        event(new CuratedListCreatedEvent(LIST, "basics", "Basics", null));
        event(new CuratedListCreatedEvent(LIST, "other", "Other", null));

        project();

        assertThat(versions()).containsExactly(0);
        assertThat(list().name).isEqualTo("basics");
    }

    @Test
    void eachVisibleChangeIsOneVersionAndEntriesKeepListOrder() {
        event(new CuratedListCreatedEvent(LIST, "basics", "Basics", null));
        QuestionId first = active("What is a generator?");
        QuestionId second = active("What is a closure?");
        QuestionId third = active("What is a decorator?");
        add(first, 0);
        add(second, 1);
        add(third, 0);

        project();

        assertThat(versions()).containsExactly(0, 1, 2, 3);
        assertThat(shown()).containsExactly(third.value(), first.value(), second.value());
        assertThat(list().size).isEqualTo(3);
        assertThat(list().version).isEqualTo(3);
        assertThat(changes.versions.get(3).summary()).isEqualTo(new ListDiff.Summary(1, 0, 0, 0));
    }

    @Test
    void aQuestionNotYetActiveIsNotShownAndMakesNoVersionUntilAccepted() {
        event(new CuratedListCreatedEvent(LIST, "basics", "Basics", null));
        QuestionId proposed = proposed("Never accepted?");
        add(proposed, 0);

        project();
        assertThat(versions()).containsExactly(0);
        assertThat(list().entries).containsKey(proposed.value());

        event(new QuestionAcceptedEvent(proposed, null));
        project();
        assertThat(versions()).containsExactly(0, 1);
        assertThat(shown()).containsExactly(proposed.value());
    }

    @Test
    void aQuestionAddedTwiceIsOneEntry() {
        event(new CuratedListCreatedEvent(LIST, "basics", "Basics", null));
        QuestionId question = active("What is a generator?");
        add(question, 0);
        add(question, 0);

        project();

        assertThat(versions()).containsExactly(0, 1);
        assertThat(list().entries).hasSize(1);
    }

    @Test
    void movesReorderAndRemovalsLeaveTheView() {
        event(new CuratedListCreatedEvent(LIST, "basics", "Basics", null));
        QuestionId a = active("A?");
        QuestionId b = active("B?");
        QuestionId c = active("C?");
        add(a, 0);
        add(b, 1);
        add(c, 2);
        event(new ListEntryMovedEvent(LIST, c, 2, 0, null));
        event(new ListEntryRemovedEvent(LIST, a, null));
        event(new ListEntryRemovedEvent(LIST, a, null)); // no longer there: nothing changes

        project();

        assertThat(shown()).containsExactly(c.value(), b.value());
        assertThat(versions()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(changes.versions.get(5).summary()).isEqualTo(new ListDiff.Summary(0, 1, 0, 0));
    }

    @Test
    void questionsWithTheSameNormalisedTextShowOnceAsTheFirstInListOrder() {
        event(new CuratedListCreatedEvent(LIST, "basics", "Basics", null));
        QuestionId first = active("What is a generator?");
        QuestionId copy = active("  what IS a   generator ");
        add(first, 0);
        add(copy, 1);

        project();

        assertThat(shown()).containsExactly(first.value());
        assertThat(versions()).as("the copy changes nothing visible").containsExactly(0, 1);
        assertThat(list().view().aliases()).containsExactly(new View.Alias(copy.value(), first.value()));
    }

    @Test
    void rewordingsAndTagChangesShowFromTheVersionTheyApplied() {
        event(new CuratedListCreatedEvent(LIST, "basics", "Basics", null));
        QuestionId question = active("What is a generator?");
        add(question, 0);
        event(new QuestionRewordedEvent(
                question, null, 2, "What is a Python generator?", "What is a generator?", "editor"));
        event(new QuestionTagsChangedEvent(question, null, 3, List.of("python"), List.of(), List.of("python")));

        project();

        assertThat(versions()).containsExactly(0, 1, 2, 3);
        assertThat(rowAt(1).text()).isEqualTo("What is a generator?");
        assertThat(rowAt(2).text()).isEqualTo("What is a Python generator?");
        assertThat(rowAt(2).tags()).isEmpty();
        assertThat(rowAt(3).tags()).containsExactly("python");
        assertThat(rowAt(3).revision()).isEqualTo(3);
        assertThat(changes.versions.get(2).summary()).isEqualTo(new ListDiff.Summary(0, 0, 1, 0));
        assertThat(changes.versions.get(2).cause().type()).isEqualTo("QuestionRewordedEvent");
    }

    @Test
    void aRetiredQuestionLeavesTheView() {
        event(new CuratedListCreatedEvent(LIST, "basics", "Basics", null));
        QuestionId question = active("What is a generator?");
        add(question, 0);
        event(new QuestionRetiredEvent(question, null, 2, "outdated"));

        project();

        assertThat(versions()).containsExactly(0, 1, 2);
        assertThat(shown()).isEmpty();
        assertThat(list().entries).as("the entry stays").containsKey(question.value());
    }

    @Test
    void aMergeByApprovalIsOneVersionShowingTheTargetAsMerged() {
        event(new CuratedListCreatedEvent(LIST, "basics", "Basics", null));
        QuestionId source = active("What is bold?");
        QuestionId target = active("What does SUM do?");
        add(source, 0);
        add(target, 1);
        ProposalId merge = ProposalId.random();
        event(new QuestionMergedEvent(source, target, merge, 2));
        event(new DuplicateAbsorbedEvent(
                target, source, merge, 2, "What is bold?", List.of("html"), List.of("excel", "html")));
        assertThat(project().versions)
                .as("parked until the approval is applied")
                .hasSize(3);

        event(new ProposalAppliedEvent(merge, "reviewer"));
        project();

        assertThat(versions()).containsExactly(0, 1, 2, 3);
        assertThat(shown()).containsExactly(target.value());
        assertThat(rowAt(3).tags()).containsExactly("excel", "html");
        ListChanges.Version version = changes.versions.get(3);
        assertThat(version.summary()).isEqualTo(new ListDiff.Summary(0, 0, 0, 1));
        assertThat(version.cause().type()).isEqualTo("QuestionMergedEvent");
        assertThat(version.cause().proposalId()).isEqualTo(merge.value());
    }

    @Test
    void anEntryShowsTheEndOfItsMergeChainAndItsOwnQuestionAgainAfterAnUnmerge() {
        QuestionId a = existing("A?", QuestionStatus.ACTIVE, null);
        QuestionId b = existing("B?", QuestionStatus.ACTIVE, null);
        QuestionId c = existing("C?", QuestionStatus.ACTIVE, null);
        event(new CuratedListCreatedEvent(LIST, "basics", "Basics", null));
        add(a, 0);
        event(new QuestionMergedEvent(b, c, null, 2));
        event(new QuestionMergedEvent(a, b, null, 2));
        event(new QuestionUnmergedEvent(a, b, null, 3, "A again?", List.of("back")));

        project();

        assertThat(versions()).containsExactly(0, 1, 2, 3);
        assertThat(rowAt(1).questionId()).isEqualTo(a.value());
        assertThat(rowAt(2).questionId()).as("A → B → C").isEqualTo(c.value());
        assertThat(rowAt(3).questionId()).isEqualTo(a.value());
        assertThat(rowAt(3).text()).isEqualTo("A again?");
        assertThat(rowAt(3).tags()).containsExactly("back");
    }

    @Test
    void aMergeChainIsFollowedAsFarAsTheLimitAndNoFurther() {
        event(new CuratedListCreatedEvent(LIST, "chains", "Chains", null));
        List<QuestionId> withinLimit = chain(MergeChains.MAX_CHAIN);
        List<QuestionId> beyondLimit = chain(MergeChains.MAX_CHAIN + 1);
        add(withinLimit.get(0), 0);
        add(beyondLimit.get(0), 1);

        project();

        assertThat(shown())
                .as("the end of a chain of the limit's length shows; one merge more and the entry shows nothing")
                .containsExactly(withinLimit.get(withinLimit.size() - 1).value());
    }

    @Test
    void aQuestionChangeRefreshesOnlyTheListsShowingIt() {
        QuestionId shownHere = existing("Shown?", QuestionStatus.ACTIVE, null);
        QuestionId elsewhere = existing("Elsewhere?", QuestionStatus.ACTIVE, null);
        loaded(LIST, shownHere);
        event(new QuestionRewordedEvent(elsewhere, null, 2, "Elsewhere now?", "Elsewhere?", "editor"));

        project();

        assertThat(changes.versions).isEmpty();
    }

    @Test
    void aChangeOfALoadedListClosesItsOpenRowAndOpensTheNewOne() {
        QuestionId question = existing("What is a generator?", QuestionStatus.ACTIVE, null);
        loaded(LIST, question);
        event(new QuestionRewordedEvent(
                question, null, 2, "What is a Python generator?", "What is a generator?", "editor"));

        project();

        assertThat(versions()).containsExactly(5);
        assertThat(changes.rowsClosed).containsExactly(new ListChanges.RowClosed(LIST.value(), question.value(), 5));
        assertThat(changes.rowsOpened).singleElement().satisfies(opened -> {
            assertThat(opened.open().validFrom).isEqualTo(5);
            assertThat(opened.open().validTo).isEqualTo(ListState.OPEN);
            assertThat(opened.open().row.text()).isEqualTo("What is a Python generator?");
        });
        assertThat(list().created).isFalse();
        assertThat(list().headerChanged).isTrue();
    }

    @Test
    void changesParkedByAnEarlierBatchBecomeOneVersionWithTheirFirstCauseWhenTheProposalIsApplied() {
        QuestionId question = existing("What is a generator?", QuestionStatus.ACTIVE, null);
        loaded(LIST, question);
        ProposalId proposal = ProposalId.random();
        ListCause parked = new ListCause("QuestionRewordedEvent", proposal.value(), "reviewer", Instant.EPOCH, 7);
        pendingBefore.put(proposal.value(), Map.of(LIST.value(), parked));
        questionsBefore.put(
                question.value(),
                new QuestionState(question.value(), "Reworded?", QuestionStatus.ACTIVE, 2, List.of(), null));
        event(new ProposalAppliedEvent(proposal, "reviewer"));

        project();

        assertThat(changes.versions).singleElement().satisfies(version -> {
            assertThat(version.version()).isEqualTo(5);
            assertThat(version.cause()).isEqualTo(parked);
        });
        assertThat(changes.pendingDone).containsExactly(proposal.value());
        assertThat(changes.pending).isEmpty();
    }

    @Test
    void releasesAreRecordedWithTheirEvent() {
        event(new ListReleasedEvent(LIST, "2024.1", 3));

        project();

        assertThat(changes.releases)
                .containsExactly(new ListChanges.Release(
                        LIST.value(),
                        "2024.1",
                        3,
                        events.get(0).position(),
                        events.get(0).at(),
                        "editor"));
    }

    @Test
    void eventsForAListThatDoesNotExistChangeNothing() {
        QuestionId question = active("What is a generator?");
        add(question, 0);

        project();

        assertThat(changes.versions).isEmpty();
        assertThat(changes.lists).isEmpty();
    }

    @Test
    void aChangeOfTheQuestionAnEntryWasMergedIntoBeforeTheBatchRefreshesTheList() {
        QuestionId target = existing("What is a generator?", QuestionStatus.ACTIVE, null);
        QuestionId entry = existing("What's a generator?", QuestionStatus.MERGED, target.value());
        loaded(LIST, entry, target);
        event(new QuestionRewordedEvent(
                target, null, 2, "What is a Python generator?", "What is a generator?", "editor"));

        project();

        assertThat(versions()).containsExactly(5);
        assertThat(list().rows).singleElement().satisfies(row -> {
            assertThat(row.questionId()).isEqualTo(target.value());
            assertThat(row.text()).isEqualTo("What is a Python generator?");
        });
    }

    @Test
    void aQuestionShownInTwoListsMakesAVersionOfEachInListIdOrder() {
        QuestionId question = existing("What is a generator?", QuestionStatus.ACTIVE, null);
        CuratedListId other = CuratedListId.random();
        loaded(LIST, question);
        loaded(other, question);
        event(new QuestionRetiredEvent(question, null, 2, "outdated"));

        project();

        List<UUID> expected = new ArrayList<>(List.of(LIST.value(), other.value()));
        expected.sort(MergeChains.POSTGRES_ORDER);
        assertThat(changes.versions).extracting(ListChanges.Version::listId).containsExactlyElementsOf(expected);
        assertThat(changes.versions)
                .allSatisfy(version -> assertThat(version.size()).isZero());
    }

    // ---- the batch

    private ListChanges project() {
        Set<UUID> reaching = reaching(ListBatch.Needs.of(events).changedQuestions());
        MergeChains chains = new MergeChains(questionsBefore, reaching, candidates(reaching));
        changes = ListBatch.apply(new ListBatch.Before(chains, listsBefore, pendingBefore), events);
        return changes;
    }

    /** The changed questions and those merged (transitively) into them before the batch, as the store finds them. */
    private Set<UUID> reaching(Set<UUID> changed) {
        Set<UUID> reaching = new HashSet<>(changed);
        for (int depth = 0; depth < MergeChains.MAX_CHAIN; depth++) {
            questionsBefore.values().stream()
                    .filter(q -> q.mergedInto() != null && reaching.contains(q.mergedInto()))
                    .forEach(q -> reaching.add(q.id()));
        }
        return reaching;
    }

    /** The lists holding each entry that is one of {@code reaching}. */
    private Map<UUID, Set<UUID>> candidates(Set<UUID> reaching) {
        Map<UUID, Set<UUID>> candidates = new HashMap<>();
        listsBefore
                .values()
                .forEach(list -> list.entries.keySet().stream()
                        .filter(reaching::contains)
                        .forEach(entry -> candidates
                                .computeIfAbsent(entry, key -> new HashSet<>())
                                .add(list.id)));
        return candidates;
    }

    private void event(Object payload) {
        long position = events.size() + 1;
        events.add(new StoredEvent(position, payload, Instant.EPOCH.plusSeconds(position), "editor", null));
    }

    private QuestionId proposed(String text) {
        QuestionId id = QuestionId.random();
        event(new QuestionProposedEvent(id, null, text, List.of(), null, "editor", "en"));
        return id;
    }

    private QuestionId active(String text) {
        QuestionId id = proposed(text);
        event(new QuestionAcceptedEvent(id, null));
        return id;
    }

    private QuestionId existing(String text, QuestionStatus status, UUID mergedInto) {
        QuestionId id = QuestionId.random();
        questionsBefore.put(id.value(), new QuestionState(id.value(), text, status, 1, List.of(), mergedInto));
        return id;
    }

    /** Questions merged one into the next {@code merges} times; the last is active. */
    private List<QuestionId> chain(int merges) {
        List<QuestionId> chain =
                new ArrayList<>(List.of(existing("End of " + merges + "?", QuestionStatus.ACTIVE, null)));
        for (int i = 0; i < merges; i++) {
            chain.add(
                    0,
                    existing(
                            "Link " + i + " of " + merges + "?",
                            QuestionStatus.MERGED,
                            chain.get(0).value()));
        }
        return chain;
    }

    private void add(QuestionId question, int index) {
        event(new ListEntryAddedEvent(LIST, question, index, null));
    }

    /** A list an earlier batch left at version 4, showing {@code question}. */
    private void loaded(CuratedListId id, QuestionId question) {
        loaded(id, question, question);
    }

    /** A list an earlier batch left at version 4, with one entry showing {@code shown}. */
    private void loaded(CuratedListId id, QuestionId entry, QuestionId shown) {
        Instant at = Instant.EPOCH;
        ListState list = new ListState(
                id.value(), false, "basics", "Basics", null, at, 4, 1, at, Map.of(entry.value(), BigDecimal.ONE));
        QuestionState state = questionsBefore.get(shown.value());
        ViewRow row = new ViewRow(shown.value(), BigDecimal.ONE, state.text(), state.tags(), state.revision());
        list.rows = List.of(row);
        list.openRows.put(shown.value(), new ListState.OpenRow(row, 2, false));
        listsBefore.put(id.value(), list);
    }

    // ---- what it left

    private ListState list() {
        return changes.lists.stream()
                .filter(l -> l.id.equals(LIST.value()))
                .findFirst()
                .orElseThrow();
    }

    private List<Integer> versions() {
        return changes.versions.stream().map(ListChanges.Version::version).toList();
    }

    private List<UUID> shown() {
        return list().rows.stream().map(ViewRow::questionId).toList();
    }

    /** The single row the batch's rows show at {@code version}. */
    private ViewRow rowAt(int version) {
        return changes.rowsOpened.stream()
                .map(ListChanges.RowOpened::open)
                .filter(open -> open.validFrom <= version && version < open.validTo)
                .map(open -> open.row)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one row at version " + version);
                })
                .orElseThrow(() -> new AssertionError("no row at version " + version));
    }
}
