package dev.qcurate.command.proposal;

import dev.qcurate.command.tag.TagVocabulary;
import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.proposal.ProposedChange.*;
import dev.qcurate.shared.question.*;
import dev.qcurate.shared.tag.TagsRenamedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Tag renames and reverts as proposals: what is accepted when proposed, and what approval applies. */
class TagRenameAndRevertProposalsTest {

    private static final Map<String, String> AS_EDITOR = Map.of("actor", "editor");
    private static final Map<String, String> AS_REVIEWER = Map.of("actor", "reviewer");

    private final ProposalId id = ProposalId.random();

    @RegisterExtension
    final OtherAggregates other = new OtherAggregates();

    private final AggregateTestFixture<Proposal> fixture = other.proposalFixture(new ReviewPolicy(Map.of()));

    private SubmitProposalCommand submit(ProposedChange change) {
        return new SubmitProposalCommand(id, change, List.of());
    }

    /** The editor submits {@code change}. */
    private ResultValidator<Proposal> submitting(ProposedChange change) {
        return fixture.givenNoPriorActivity().when(submit(change), AS_EDITOR);
    }

    private ProposalSubmittedEvent submitted(ProposedChange change) {
        return new ProposalSubmittedEvent(id, change, "editor", 1, List.of());
    }

    @Test
    void renameIsProposedInNormalForm() {
        other.tagIndex.carries(other.activeQuestion("What is a monad?", "fp"), "fp");
        submitting(new TagRename(List.of(" FP "), "Functional Programming"))
                .expectEvents(submitted(new TagRename(List.of("fp"), "functional-programming")));
    }

    @Test
    void renameOfATagNoQuestionCarriesIsRefused() {
        submitting(new TagRename(List.of("cobol"), "legacy"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("unknown tag 'cobol'"));
    }

    @Test
    void renameOntoItselfIsRefused() {
        other.tagIndex.carries(other.activeQuestion("What is a monad?", "fp"), "fp");
        submitting(new TagRename(List.of("fp"), "FP"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("cannot be renamed onto itself"));
    }

    @Test
    void renameOntoAnOldNameOfAnotherTagIsRefused() {
        QuestionId question = other.activeQuestion("What is a monad?", "haskell");
        other.tagIndex.carries(question, "haskell");
        other.given(TagVocabulary.ID, new TagsRenamedEvent(ProposalId.random(), List.of("fp"), "functional"));
        submitting(new TagRename(List.of("haskell"), "fp"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("merge into 'functional' instead"));
    }

    @Test
    void approvedMergeRetagsEveryCarrierAndRecordsTheSynonyms() {
        QuestionId monad = other.activeQuestion("What is a monad?", "fp", "haskell");
        QuestionId functor = other.activeQuestion("What is a functor?", "functional");
        other.tagIndex.carries(monad, "fp", "haskell").carries(functor, "functional");
        other.settled(TagVocabulary.ID);
        fixture.given(submitted(new TagRename(List.of("fp", "functional"), "functional-programming")))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(TagVocabulary.ID))
                .containsExactly(new TagsRenamedEvent(id, List.of("fp", "functional"), "functional-programming"));
        assertThat(other.appended(monad))
                .containsExactly(new QuestionTagsChangedEvent(
                        monad,
                        id,
                        2,
                        List.of("functional-programming"),
                        List.of("fp"),
                        List.of("functional-programming", "haskell")));
        assertThat(other.appended(functor))
                .containsExactly(new QuestionTagsChangedEvent(
                        functor,
                        id,
                        2,
                        List.of("functional-programming"),
                        List.of("functional"),
                        List.of("functional-programming")));
    }

    @Test
    void taggingWithAnOldNameLandsOnTheNewTag() {
        QuestionId question = other.activeQuestion("What is a monad?", "haskell");
        other.tagIndex.synonym("fp", "functional-programming");
        submitting(new TagChange(question, List.of("FP"), List.of(), 0))
                .expectEvents(submitted(new TagChange(question, List.of("functional-programming"), List.of(), 1)));
    }

    @Test
    void newQuestionsWithAnOldNameLandOnTheNewTag() {
        QuestionId question = QuestionId.random();
        other.tagIndex.synonym("fp", "functional-programming");
        fixture.givenNoPriorActivity()
                .when(
                        new ProposeQuestionCommand(
                                question, id, "What is a monad?", List.of("fp", "haskell"), null, null, List.of()),
                        AS_EDITOR)
                .expectEvents(submitted(new NewQuestion(
                        question, "What is a monad?", List.of("functional-programming", "haskell"), null, null)));
    }

    private QuestionId reworded() {
        QuestionId question = other.activeQuestion("What is a monad?", "fp");
        other.given(
                question,
                new QuestionRewordedEvent(
                        question, ProposalId.random(), 2, "What's a monad, then?", "What is a monad?", "editor"));
        return question;
    }

    @Test
    void revertIsProposedWithTheTextAndTagsOfItsRevision() {
        QuestionId question = reworded();
        submitting(new Revert(question, 1, null, List.of(), 0))
                .expectEvents(submitted(new Revert(question, 1, "What is a monad?", List.of("fp"), 2)));
    }

    @Test
    void revertToARevisionThatDoesNotExistIsRefused() {
        QuestionId question = reworded();
        submitting(new Revert(question, 9, null, List.of(), 0))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("revision 9 does not exist"));
    }

    @Test
    void approvedRevertRewordsTheQuestionBack() {
        QuestionId question = reworded();
        other.settled(question);
        fixture.given(submitted(new Revert(question, 1, "What is a monad?", List.of("fp"), 2)))
                .when(new ApproveProposalCommand(id), AS_REVIEWER)
                .expectResultMessagePayload(ApprovalOutcome.applied());
        assertThat(other.appended(question))
                .containsExactly(new QuestionRevertedEvent(
                        question,
                        id,
                        3,
                        1,
                        "What is a monad?",
                        "What's a monad, then?",
                        List.of(),
                        List.of(),
                        List.of("fp"),
                        "editor"));
    }
}
