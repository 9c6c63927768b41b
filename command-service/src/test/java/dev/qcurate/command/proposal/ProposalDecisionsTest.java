package dev.qcurate.command.proposal;

import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.curatedlist.ListEntryAddedEvent;
import dev.qcurate.shared.curatedlist.ListEntryMovedEvent;
import dev.qcurate.shared.curatedlist.ListEntryRemovedEvent;
import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.proposal.ProposedChange.*;
import dev.qcurate.shared.question.*;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Approving and rejecting proposals, applied across aggregates by {@link ProposalDecisions}. The fixture holds the
 * proposal; the questions and lists it touches live in {@link OtherAggregates}, checked after each command.
 */
class ProposalDecisionsTest {

    private static final Map<String, String> AS_REVIEWER = Map.of("actor", "reviewer");
    private static final Map<String, String> AS_REVIEWER2 = Map.of("actor", "reviewer2");

    private final ProposalId id = ProposalId.random();

    @RegisterExtension
    final OtherAggregates other = new OtherAggregates();

    private final AggregateTestFixture<Proposal> fixture = other.proposalFixture(new ReviewPolicy(Map.of("merge", 2)));

    /**
     * Stored before the command under test: {@code source} ({@code text}) merged into {@code target}, both at
     * revision 2; {@code target} absorbed the tags {@code absorbed} and now has {@code tags}.
     */
    private void merged(QuestionId source, QuestionId target, String text, List<String> absorbed, List<String> tags) {
        ProposalId merge = ProposalId.random();
        other.given(source, new QuestionMergedEvent(source, target, merge, 2));
        other.given(target, new DuplicateAbsorbedEvent(target, source, merge, 2, text, absorbed, tags));
    }

    private ProposalSubmittedEvent submitted(ProposedChange change, int requiredApprovals) {
        return new ProposalSubmittedEvent(id, change, "editor", requiredApprovals, List.of());
    }

    private Object proposeQuestion(QuestionId question, CuratedListId list) {
        return GenericCommandMessage.asCommandMessage(new ProposeQuestionCommand(
                        question, id, "What is a monad?", List.of("FP"), null, list, List.of()))
                .andMetaData(Map.of("actor", "editor"));
    }

    @Test
    void approvingNewQuestionActivatesIt() {
        QuestionId question = QuestionId.random();
        fixture.givenCommands(proposeQuestion(question, null));
        other.settled(question);
        fixture.when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ApprovalOutcome.applied())
                .expectEvents(
                        new ProposalApprovalRecordedEvent(id, "reviewer", 1, 1),
                        new ProposalAppliedEvent(id, "reviewer"));
        assertThat(other.appended(question)).containsExactly(new QuestionAcceptedEvent(question, id));
    }

    @Test
    void approvingNewQuestionWithListAppendsIt() {
        QuestionId listed = other.activeQuestion("What is a functor?");
        CuratedListId list = other.list(listed);
        QuestionId question = QuestionId.random();
        fixture.givenCommands(proposeQuestion(question, list));
        other.settled(question, list);
        fixture.when(new ApproveProposalCommand(id), AS_REVIEWER).expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(question)).containsExactly(new QuestionAcceptedEvent(question, id));
        assertThat(other.appended(list)).containsExactly(new ListEntryAddedEvent(list, question, 1, id));
    }

    @Test
    void rejectsApprovalByProposerAndAppliesNothing() {
        QuestionId question = QuestionId.random();
        fixture.givenCommands(proposeQuestion(question, null));
        other.settled(question);
        fixture.when(new ApproveProposalCommand(id), Map.of("actor", "editor"))
                .expectException(ReviewForbiddenException.class)
                .expectNoEvents();
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void rejectionNeedsReason() {
        QuestionId question = QuestionId.random();
        fixture.givenCommands(proposeQuestion(question, null));
        fixture.when(new RejectProposalCommand(id, "  "), AS_REVIEWER)
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("a reason is required")
                .expectNoEvents();
    }

    @Test
    void rejectingNewQuestionMarksQuestionRejected() {
        QuestionId question = QuestionId.random();
        fixture.givenCommands(proposeQuestion(question, null));
        other.settled(question);
        fixture.when(new RejectProposalCommand(id, " off topic "), AS_REVIEWER)
                .expectEvents(new ProposalRejectedEvent(id, "reviewer", "off topic"));
        assertThat(other.appended(question)).containsExactly(new QuestionRejectedEvent(question, id, "off topic"));
    }

    @Test
    void rejectingChangeLeavesQuestionUntouched() {
        QuestionId question = other.activeQuestion("What is a monad?");
        fixture.given(submitted(new Rewording(question, "What is a functor?", 1), 1))
                .when(new RejectProposalCommand(id, "not better"), AS_REVIEWER)
                .expectEvents(new ProposalRejectedEvent(id, "reviewer", "not better"));
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void rejectionByProposerIsForbidden() {
        QuestionId question = other.activeQuestion("What is a monad?");
        fixture.given(submitted(new Retirement(question, "obsolete", 1), 1))
                .when(new RejectProposalCommand(id, "withdrawn"), Map.of("actor", "editor"))
                .expectException(ReviewForbiddenException.class)
                .expectNoEvents();
    }

    @Test
    void appliesRewordingWithProposerAsAuthor() {
        QuestionId question = other.activeQuestion("What is a monad?");
        fixture.given(submitted(new Rewording(question, "What is a monad in Haskell?", 1), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(question))
                .containsExactly(new QuestionRewordedEvent(
                        question, id, 2, "What is a monad in Haskell?", "What is a monad?", "editor"));
    }

    @Test
    void marksRewordingStaleWhenQuestionMovedOn() {
        QuestionId question = other.activeQuestion("What is a monad?");
        other.given(
                question,
                new QuestionTagsChangedEvent(
                        question, ProposalId.random(), 2, List.of("fp"), List.of(), List.of("fp")));
        fixture.given(submitted(new Rewording(question, "What is a monad in Haskell?", 1), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.stale(
                        "the question is at revision 2, but the change was made against revision 1"))
                .expectEvents(new ProposalMarkedStaleEvent(id, "reviewer", 1, 2));
        assertThat(other.appended(question)).isEmpty();
    }

    @Test
    void staleApprovalAnswersStaleOutcome() {
        QuestionId question = other.activeQuestion("What is a monad?");
        other.given(question, new QuestionRetiredEvent(question, ProposalId.random(), 2, "obsolete"));
        fixture.given(submitted(new TagChange(question, List.of("fp"), List.of(), 1), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.stale(
                        "the question is at revision 2, but the change was made against revision 1"));
    }

    @Test
    void stalenessIsCheckedBeforeRecordingAnApproval() {
        QuestionId source = other.activeQuestion("What is a monad?");
        QuestionId target = other.activeQuestion("Explain monads");
        other.given(
                source,
                new QuestionRewordedEvent(
                        source, ProposalId.random(), 2, "What are monads?", "What is a monad?", "editor2"));
        fixture.given(
                        submitted(new Merge(source, target, 1, 1), 2),
                        new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2))
                .when(new ApproveProposalCommand(id), AS_REVIEWER2)
                .expectEvents(new ProposalMarkedStaleEvent(id, "reviewer2", 1, 2));
        assertThat(other.appended(source)).isEmpty();
        assertThat(other.appended(target)).isEmpty();
    }

    @Test
    void refusesApprovingProposalThatIsAlreadyStale() {
        QuestionId question = other.activeQuestion("What is a monad?");
        other.given(question, new QuestionRetiredEvent(question, ProposalId.random(), 2, "obsolete"));
        fixture.given(
                        submitted(new Rewording(question, "What is a functor?", 1), 1),
                        new ProposalMarkedStaleEvent(id, "reviewer", 1, 2))
                .when(new ApproveProposalCommand(id), AS_REVIEWER2)
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is STALE"))
                .expectNoEvents();
    }

    @Test
    void recordsFirstOfTwoRequiredApprovalsWithoutApplying() {
        QuestionId source = other.activeQuestion("What is a monad?");
        QuestionId target = other.activeQuestion("Explain monads");
        fixture.given(submitted(new Merge(source, target, 1, 1), 2))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(
                        ApprovalOutcome.recorded("approval recorded; the proposal needs more approvals"))
                .expectEvents(new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2));
        assertThat(other.appended(source)).isEmpty();
        assertThat(other.appended(target)).isEmpty();
    }

    @Test
    void rejectsSecondApprovalBySameReviewer() {
        QuestionId source = other.activeQuestion("What is a monad?");
        QuestionId target = other.activeQuestion("Explain monads");
        fixture.given(
                        submitted(new Merge(source, target, 1, 1), 2),
                        new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectException(ReviewForbiddenException.class)
                .expectNoEvents();
        assertThat(other.appended(source)).isEmpty();
    }

    @Test
    void appliesWhenEnoughDistinctReviewersApproved() {
        QuestionId source = other.activeQuestion("Explain monads", "haskell", "fp");
        QuestionId target = other.activeQuestion("What is a monad?", "fp");
        fixture.given(
                        submitted(new Merge(source, target, 1, 1), 2),
                        new ProposalApprovalRecordedEvent(id, "reviewer", 1, 2))
                .when(new ApproveProposalCommand(id), AS_REVIEWER2)
                .expectResultMessagePayload(ApprovalOutcome.applied())
                .expectEvents(
                        new ProposalApprovalRecordedEvent(id, "reviewer2", 2, 2),
                        new ProposalAppliedEvent(id, "reviewer2"));
        assertThat(other.appended(source)).containsExactly(new QuestionMergedEvent(source, target, id, 2));
        assertThat(other.appended(target))
                .containsExactly(new DuplicateAbsorbedEvent(
                        target, source, id, 2, "Explain monads", List.of("haskell"), List.of("fp", "haskell")));
    }

    @Test
    void followsMergedTargetToSurvivor() {
        QuestionId survivor = other.activeQuestion("What is a monad?");
        QuestionId merged = other.activeQuestion("Explain monads");
        other.given(merged, new QuestionMergedEvent(merged, survivor, ProposalId.random(), 2));
        QuestionId source = other.activeQuestion("Monads, what are they?");
        fixture.given(submitted(new Merge(source, merged, 1, 2), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(source)).containsExactly(new QuestionMergedEvent(source, survivor, id, 2));
        assertThat(other.appended(merged)).isEmpty();
        assertThat(other.appended(survivor))
                .containsExactly(new DuplicateAbsorbedEvent(
                        survivor, source, id, 2, "Monads, what are they?", List.of(), List.of()));
    }

    @Test
    void followsChainOfMergesToSurvivor() {
        QuestionId survivor = other.activeQuestion("What is a monad?");
        QuestionId middle = other.activeQuestion("Explain monads");
        QuestionId first = other.activeQuestion("Monads?");
        other.given(first, new QuestionMergedEvent(first, middle, ProposalId.random(), 2));
        other.given(middle, new QuestionMergedEvent(middle, survivor, ProposalId.random(), 2));
        QuestionId source = other.activeQuestion("Monads, what are they?");
        fixture.given(submitted(new Merge(source, first, 1, 2), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(source)).containsExactly(new QuestionMergedEvent(source, survivor, id, 2));
    }

    @Test
    void refusesMergeCycle() {
        QuestionId a = other.activeQuestion("What is a monad?");
        QuestionId b = other.activeQuestion("Explain monads");
        other.given(a, new QuestionMergedEvent(a, b, ProposalId.random(), 2));
        other.given(
                b, new DuplicateAbsorbedEvent(b, a, ProposalId.random(), 2, "What is a monad?", List.of(), List.of()));
        fixture.given(submitted(new Merge(b, a, 2, 2), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("would create a merge cycle"))
                .expectNoEvents();
        assertThat(other.appended(a)).isEmpty();
        assertThat(other.appended(b)).isEmpty();
    }

    @Test
    void refusesMergeIntoRetiredSurvivorAndAppliesNothing() {
        QuestionId target = other.activeQuestion("What is a monad?");
        other.given(target, new QuestionRetiredEvent(target, ProposalId.random(), 2, "obsolete"));
        QuestionId source = other.activeQuestion("Explain monads");
        fixture.given(submitted(new Merge(source, target, 1, 1), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectException(IllegalStateException.class)
                .expectNoEvents();
        assertThat(other.appended(source)).isEmpty();
    }

    @Test
    void unmergeRestoresSourceAndReleasesTarget() {
        QuestionId target = other.activeQuestion("What is a monad?", "fp");
        QuestionId source = other.activeQuestion("Explain monads", "fp", "haskell");
        merged(source, target, "Explain monads", List.of("haskell"), List.of("fp", "haskell"));
        fixture.given(submitted(new Unmerge(source, 2), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(source))
                .containsExactly(
                        new QuestionUnmergedEvent(source, target, id, 3, "Explain monads", List.of("fp", "haskell")));
        assertThat(other.appended(target))
                .containsExactly(new DuplicateReleasedEvent(
                        target, source, id, 3, "Explain monads", List.of("haskell"), List.of("fp")));
    }

    @Test
    void unmergeKeepsTargetChangesMadeSinceTheMerge() {
        QuestionId target = other.activeQuestion("What is a monad?", "fp");
        QuestionId source = other.activeQuestion("Explain monads", "haskell", "monads");
        merged(source, target, "Explain monads", List.of("haskell", "monads"), List.of("fp", "haskell", "monads"));
        other.given(
                target,
                new QuestionTagsChangedEvent(
                        target,
                        ProposalId.random(),
                        3,
                        List.of("category-theory"),
                        List.of("monads"),
                        List.of("category-theory", "fp", "haskell")),
                new QuestionRewordedEvent(
                        target, ProposalId.random(), 4, "What exactly is a monad?", "What is a monad?", "editor2"));
        fixture.given(submitted(new Unmerge(source, 2), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(target))
                .containsExactly(new DuplicateReleasedEvent(
                        target, source, id, 5, "Explain monads", List.of("haskell"), List.of("category-theory", "fp")));
    }

    /**
     * Decision: when B, which had absorbed A, is merged into C, A's alias and A's "merged into B" stay with B. So
     * unmerging A later gives back only what A's merge added to B; C keeps what B's merge brought it until B itself is
     * unmerged.
     */
    @Test
    void unmergeOfSourceWhoseTargetWasMergedOnReleasesTheFormerTargetOnly() {
        QuestionId a = other.activeQuestion("Explain monads", "haskell");
        QuestionId b = other.activeQuestion("What is a monad?");
        QuestionId c = other.activeQuestion("Monads in one sentence?");
        ProposalId second = ProposalId.random();
        merged(a, b, "Explain monads", List.of("haskell"), List.of("haskell"));
        other.given(b, new QuestionMergedEvent(b, c, second, 3));
        other.given(
                c,
                new DuplicateAbsorbedEvent(
                        c, b, second, 2, "What is a monad?", List.of("haskell"), List.of("haskell")));
        fixture.given(submitted(new Unmerge(a, 2), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(a))
                .containsExactly(new QuestionUnmergedEvent(a, b, id, 3, "Explain monads", List.of("haskell")));
        assertThat(other.appended(b))
                .containsExactly(
                        new DuplicateReleasedEvent(b, a, id, 4, "Explain monads", List.of("haskell"), List.of()));
        assertThat(other.appended(c)).isEmpty();
    }

    @Test
    void mergingQuestionThatAbsorbedOthersBringsOnlyItsOwnAlias() {
        QuestionId a = other.activeQuestion("Explain monads", "haskell");
        QuestionId b = other.activeQuestion("What is a monad?");
        QuestionId c = other.activeQuestion("Monads in one sentence?");
        merged(a, b, "Explain monads", List.of("haskell"), List.of("haskell"));
        fixture.given(submitted(new Merge(b, c, 2, 1), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(b)).containsExactly(new QuestionMergedEvent(b, c, id, 3));
        assertThat(other.appended(c))
                .containsExactly(new DuplicateAbsorbedEvent(
                        c, b, id, 2, "What is a monad?", List.of("haskell"), List.of("haskell")));
        assertThat(other.appended(a)).isEmpty();
    }

    @Test
    void appliesRetirement() {
        QuestionId question = other.activeQuestion("What is a monad?");
        fixture.given(submitted(new Retirement(question, "obsolete", 1), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(question)).containsExactly(new QuestionRetiredEvent(question, id, 2, "obsolete"));
    }

    @Test
    void appliesListEntryAdditionRemovalAndMove() {
        QuestionId a = other.activeQuestion("What is a monad?");
        QuestionId b = other.activeQuestion("What is a functor?");
        QuestionId c = other.activeQuestion("What is an applicative?");
        CuratedListId list = other.list(a, b);
        fixture.given(submitted(new ListEntryAddition(list, c, 1), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(list)).containsExactly(new ListEntryAddedEvent(list, c, 1, id));

        other.settled(list);
        fixture.given(submitted(new ListEntryMove(list, a, 2), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(list)).containsExactly(new ListEntryMovedEvent(list, a, 0, 2, id));

        other.settled(list);
        fixture.given(submitted(new ListEntryRemoval(list, b), 1))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(list)).containsExactly(new ListEntryRemovedEvent(list, b, id));
    }
}
