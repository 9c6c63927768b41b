package dev.qcurate.command.question;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** A question's part of a tag rename, and reverting it to an earlier revision, through Axon's aggregate fixture. */
class QuestionRenameAndRevertTest {

    private final QuestionId id = QuestionId.random();
    private final ProposalId created = ProposalId.random();
    private final ProposalId earlier = ProposalId.random();
    private final ProposalId change = ProposalId.random();
    /** Revision 2 of the question: "What is a monad?" reworded as "What is a functor?". */
    private final QuestionRewordedEvent rewordedAsFunctor =
            new QuestionRewordedEvent(id, earlier, 2, "What is a functor?", "What is a monad?", "editor");

    private final AggregateTestFixture<Question> fixture = new AggregateTestFixture<>(Question.class);

    private List<Object> active(List<String> tags, Object... later) {
        List<Object> events = new ArrayList<>(List.of(
                new QuestionProposedEvent(id, created, "What is a monad?", tags, null, "editor"),
                new QuestionAcceptedEvent(id, created)));
        events.addAll(List.of(later));
        return events;
    }

    @Test
    void renameReplacesTheOldTagWithTheNewOne() {
        fixture.given(active(List.of("fp", "haskell")))
                .whenInvoking(id.toString(), q -> q.renameTags(List.of("fp"), "functional-programming", change))
                .expectEvents(new QuestionTagsChangedEvent(
                        id,
                        change,
                        2,
                        List.of("functional-programming"),
                        List.of("fp"),
                        List.of("functional-programming", "haskell")));
    }

    @Test
    void mergeOntoATagTheQuestionHasOnlyRemovesTheOthers() {
        fixture.given(active(List.of("fp", "functional", "haskell")))
                .whenInvoking(id.toString(), q -> q.renameTags(List.of("functional", "fp"), "haskell", change))
                .expectEvents(new QuestionTagsChangedEvent(
                        id, change, 2, List.of(), List.of("fp", "functional"), List.of("haskell")));
    }

    @Test
    void proposedQuestionsAreRenamedToo() {
        fixture.given(new QuestionProposedEvent(id, created, "What is a monad?", List.of("fp"), null, "editor"))
                .whenInvoking(id.toString(), q -> q.renameTags(List.of("fp"), "functional", change))
                .expectEvents(new QuestionTagsChangedEvent(
                        id, change, 2, List.of("functional"), List.of("fp"), List.of("functional")));
    }

    @Test
    void renameRefusesAQuestionWithoutTheTag() {
        fixture.given(active(List.of("haskell")))
                .whenInvoking(id.toString(), q -> q.renameTags(List.of("fp"), "functional", change))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("carries none of the tags"));
    }

    @Test
    void renameRefusesARetiredQuestion() {
        fixture.given(active(List.of("fp"), new QuestionRetiredEvent(id, earlier, 2, "obsolete")))
                .whenInvoking(id.toString(), q -> q.renameTags(List.of("fp"), "functional", change))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("cannot be re-tagged"));
    }

    @Test
    void revertRestoresTextAndTagsAsOneRevision() {
        fixture.given(active(
                        List.of("fp"),
                        rewordedAsFunctor,
                        new QuestionTagsChangedEvent(
                                id, earlier, 3, List.of("haskell"), List.of("fp"), List.of("haskell"))))
                .whenInvoking(id.toString(), q -> q.revert(1, 3, change, "proposer"))
                .expectEvents(new QuestionRevertedEvent(
                        id,
                        change,
                        4,
                        1,
                        "What is a monad?",
                        "What is a functor?",
                        List.of("fp"),
                        List.of("haskell"),
                        List.of("fp"),
                        "proposer"))
                .expectState(q -> {
                    if (q.revision() != 4
                            || !q.text().equals("What is a monad?")
                            || !q.tags().equals(List.of("fp"))) {
                        throw new AssertionError("not back at revision 1's content as revision 4");
                    }
                });
    }

    @Test
    void revertOfTheTextAloneKeepsTheTags() {
        fixture.given(active(List.of("fp"), rewordedAsFunctor))
                .whenInvoking(id.toString(), q -> q.revert(1, 2, change, "proposer"))
                .expectEvents(new QuestionRevertedEvent(
                        id,
                        change,
                        3,
                        1,
                        "What is a monad?",
                        "What is a functor?",
                        List.of(),
                        List.of(),
                        List.of("fp"),
                        "proposer"));
    }

    @Test
    void revertedRevisionCanItselfBeRevertedTo() {
        fixture.given(active(
                        List.of("fp"),
                        rewordedAsFunctor,
                        new QuestionRevertedEvent(
                                id,
                                earlier,
                                3,
                                1,
                                "What is a monad?",
                                "What is a functor?",
                                List.of(),
                                List.of(),
                                List.of("fp"),
                                "editor")))
                .whenInvoking(id.toString(), q -> q.revert(2, 3, change, "proposer"))
                .expectEvents(new QuestionRevertedEvent(
                        id,
                        change,
                        4,
                        2,
                        "What is a functor?",
                        "What is a monad?",
                        List.of(),
                        List.of(),
                        List.of("fp"),
                        "proposer"));
    }

    @Test
    void proposedQuestionIsAmendedInPlace() {
        fixture.given(new QuestionProposedEvent(id, created, "What is a monad?", List.of("fp"), null, "editor"))
                .whenInvoking(
                        id.toString(),
                        q -> q.amendProposed(
                                created, new QuestionText("What is a functor?"), List.of("FP", "Haskell"), "editor"))
                .expectEvents(new ProposedQuestionAmendedEvent(
                        id, created, "What is a functor?", List.of("fp", "haskell"), "editor"))
                .expectState(q -> {
                    if (q.revision() != 1 || !q.text().equals("What is a functor?")) {
                        throw new AssertionError("the amended text should be revision 1");
                    }
                });
    }

    @Test
    void acceptedQuestionIsNotAmended() {
        fixture.given(active(List.of("fp")))
                .whenInvoking(
                        id.toString(),
                        q -> q.amendProposed(created, new QuestionText("What is a functor?"), List.of(), "editor"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("cannot be amended"))
                .expectNoEvents();
    }

    @Test
    void amendmentOfAProposedQuestionThatChangesNothingIsRefused() {
        fixture.given(new QuestionProposedEvent(id, created, "What is a monad?", List.of("fp"), null, "editor"))
                .whenInvoking(
                        id.toString(),
                        q -> q.amendProposed(created, new QuestionText("What is a monad?"), List.of("fp"), "editor"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void revertRefusesARevisionThatDoesNotExist() {
        fixture.given(active(List.of("fp"), rewordedAsFunctor))
                .whenInvoking(id.toString(), q -> q.revert(7, 2, change, "proposer"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("revision 7 does not exist"));
    }

    @Test
    void revertRefusesTheCurrentRevision() {
        fixture.given(active(List.of("fp"), rewordedAsFunctor))
                .whenInvoking(id.toString(), q -> q.revert(2, 2, change, "proposer"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("revision 2 does not exist before the current revision 2"));
    }

    @Test
    void revertRefusesARevisionThatShowsWhatIsShownNow() {
        fixture.given(active(
                        List.of("fp"),
                        rewordedAsFunctor,
                        new QuestionRewordedEvent(id, earlier, 3, "What is a monad?", "What is a functor?", "editor")))
                .whenInvoking(id.toString(), q -> q.revert(1, 3, change, "proposer"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("would change nothing"));
    }

    @Test
    void revertRefusesAProposalMadeAgainstAnOlderRevision() {
        fixture.given(active(
                        List.of("fp"),
                        rewordedAsFunctor,
                        new QuestionTagsChangedEvent(
                                id, earlier, 3, List.of("haskell"), List.of(), List.of("fp", "haskell"))))
                .whenInvoking(id.toString(), q -> q.revert(1, 2, change, "proposer"))
                .expectException(StaleRevisionException.class);
    }

    @Test
    void revertRefusesAMergedQuestion() {
        fixture.given(active(
                        List.of("fp"), rewordedAsFunctor, new QuestionMergedEvent(id, QuestionId.random(), earlier, 3)))
                .whenInvoking(id.toString(), q -> q.revert(1, 3, change, "proposer"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("cannot be reverted"));
    }
}
