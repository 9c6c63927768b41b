package dev.qcurate.command.curatedlist;

import dev.qcurate.shared.curatedlist.*;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

/** The list's entry rules, one rule per test, through Axon's aggregate fixture. */
class CuratedListTest {

    private final CuratedListId id = CuratedListId.random();
    private final QuestionId a = QuestionId.random();
    private final QuestionId b = QuestionId.random();
    private final QuestionId c = QuestionId.random();
    private final ProposalId proposal = ProposalId.random();
    private final AggregateTestFixture<CuratedList> fixture = new AggregateTestFixture<>(CuratedList.class);

    private Object[] listOfAB() {
        return new Object[] {
            new CuratedListCreatedEvent(id, "python", "Python", null),
            new ListEntryAddedEvent(id, a, 0, ProposalId.random()),
            new ListEntryAddedEvent(id, b, 1, ProposalId.random())
        };
    }

    @Test
    void creatingRecordsNameTitleAndDescription() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new CuratedList(id, new ListName(" python "), "Python", "basics"))
                .expectEvents(new CuratedListCreatedEvent(id, "python", "Python", "basics"));
    }

    @Test
    void appendsEntryWhenNoIndexIsGiven() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.addEntry(c, null, proposal))
                .expectEvents(new ListEntryAddedEvent(id, c, 2, proposal));
    }

    @Test
    void insertsEntryAtGivenIndex() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.addEntry(c, 0, proposal))
                .expectEvents(new ListEntryAddedEvent(id, c, 0, proposal));
    }

    @Test
    void refusesQuestionAlreadyInList() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.addEntry(b, null, proposal))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is already in list"));
    }

    @Test
    void refusesAddingBeyondTheEnd() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.addEntry(c, 3, proposal))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("index must be between 0 and 2");
    }

    @Test
    void refusesNegativeIndex() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.addEntry(c, -1, proposal))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void removesListedEntry() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.removeEntry(a, proposal))
                .expectEvents(new ListEntryRemovedEvent(id, a, proposal));
    }

    @Test
    void refusesRemovingQuestionNotInList() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.removeEntry(c, proposal))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is not in list"));
    }

    @Test
    void removedQuestionCanBeAddedAgain() {
        fixture.given(listOfAB())
                .andGiven(new ListEntryRemovedEvent(id, a, ProposalId.random()))
                .whenInvoking(id.toString(), list -> list.addEntry(a, null, proposal))
                .expectEvents(new ListEntryAddedEvent(id, a, 1, proposal));
    }

    @Test
    void movesEntryRecordingBothPositions() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.moveEntry(a, 1, proposal))
                .expectEvents(new ListEntryMovedEvent(id, a, 0, 1, proposal));
    }

    @Test
    void movesFromWherePreviousMovesLeftTheEntry() {
        fixture.given(listOfAB())
                .andGiven(
                        new ListEntryAddedEvent(id, c, 2, ProposalId.random()),
                        new ListEntryMovedEvent(id, a, 0, 2, ProposalId.random()))
                .whenInvoking(id.toString(), list -> list.moveEntry(a, 0, proposal))
                .expectEvents(new ListEntryMovedEvent(id, a, 2, 0, proposal));
    }

    @Test
    void refusesMoveToSamePosition() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.moveEntry(b, 1, proposal))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is already at index 1"));
    }

    @Test
    void refusesMoveBeyondLastEntry() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.moveEntry(a, 2, proposal))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("index must be between 0 and 1");
    }

    @Test
    void refusesMovingQuestionNotInList() {
        fixture.given(listOfAB())
                .whenInvoking(id.toString(), list -> list.moveEntry(c, 0, proposal))
                .expectException(IllegalStateException.class);
    }
}
