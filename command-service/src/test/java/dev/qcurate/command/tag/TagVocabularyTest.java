package dev.qcurate.command.tag;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.tag.TagsRenamedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** The synonym rules of renames and merges, one rule per test, through Axon's aggregate fixture. */
class TagVocabularyTest {

    private final ProposalId earlier = ProposalId.random();
    private final ProposalId proposal = ProposalId.random();
    private final AggregateTestFixture<TagVocabulary> fixture = new AggregateTestFixture<>(TagVocabulary.class);

    private TagsRenamedEvent renamed(String to, String... from) {
        return new TagsRenamedEvent(earlier, List.of(from), to);
    }

    @Test
    void firstRenameCreatesTheVocabulary() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new TagVocabulary(List.of("py"), "python", proposal))
                .expectEvents(new TagsRenamedEvent(proposal, List.of("py"), "python"));
    }

    @Test
    void mergeRenamesSeveralTagsOntoOne() {
        fixture.given(renamed("python", "py"))
                .whenInvoking(TagVocabulary.ID, v -> v.rename(List.of("js", "ecmascript"), "javascript", proposal))
                .expectEvents(new TagsRenamedEvent(proposal, List.of("js", "ecmascript"), "javascript"));
    }

    @Test
    void rejectsRenameOntoItself() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new TagVocabulary(List.of("py", "python"), "python", proposal))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("cannot be renamed onto itself"));
    }

    @Test
    void rejectsRenamingAnOldName() {
        fixture.given(renamed("python", "py"))
                .whenInvoking(TagVocabulary.ID, v -> v.rename(List.of("py"), "python3", proposal))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("'py' is already a synonym of 'python'"));
    }

    @Test
    void rejectsRenamingOntoAnotherTagsOldName() {
        fixture.given(renamed("python", "py"))
                .whenInvoking(TagVocabulary.ID, v -> v.rename(List.of("snake"), "py", proposal))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("merge into 'python' instead"));
    }

    @Test
    void allowsRenamingBackToAnOldName() {
        fixture.given(renamed("python", "py"))
                .whenInvoking(TagVocabulary.ID, v -> v.rename(List.of("python"), "py", proposal))
                .expectEvents(new TagsRenamedEvent(proposal, List.of("python"), "py"));
    }

    @Test
    void oldNamesFollowTheirTagToItsNextName() {
        fixture.given(renamed("python", "py"), renamed("python3", "python"))
                .whenInvoking(TagVocabulary.ID, v -> v.rename(List.of("py"), "snake", proposal))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("'py' is already a synonym of 'python3'"));
    }

    @Test
    void aTagRenamedBackIsCurrentAgainAndItsNewNameAnOldOne() {
        fixture.given(renamed("python", "py"), renamed("py", "python"))
                .whenInvoking(TagVocabulary.ID, v -> v.rename(List.of("python"), "snake", proposal))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("'python' is already a synonym of 'py'"));
    }
}
