package dev.qcurate.command.question;

import dev.qcurate.command.config.ControllerSliceTest;
import dev.qcurate.command.dispatch.CommandDispatcher;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.proposal.SubmitProposalCommand;
import dev.qcurate.shared.question.ProposeQuestionCommand;
import dev.qcurate.shared.question.QuestionId;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@WebMvcTest(controllers = QuestionController.class)
class QuestionControllerTest extends ControllerSliceTest {

    private final UUID id = UUID.randomUUID();

    private void accepted(long position) {
        when(dispatcher.send(any(), any())).thenReturn(new CommandDispatcher.Dispatched<>(null, position));
        when(dispatcher.send(any(), any(), any())).thenReturn(new CommandDispatcher.Dispatched<>(null, position));
    }

    @Test
    void proposingAnswersAcceptedWithIdsAndPosition() throws Exception {
        accepted(5);
        performJson(
                        as("EDITOR"),
                        post("/api/questions"),
                        "{\"text\":\"What is a monad?\",\"tags\":[\"FP\"],"
                                + "\"source\":{\"document\":\"fp.md\",\"line\":3}}")
                .andExpect(status().isAccepted())
                .andExpect(header().string("X-Qcurate-Position", "5"))
                .andExpect(jsonPath("$.questionId").isString())
                .andExpect(jsonPath("$.proposalId").isString())
                .andExpect(jsonPath("$.position").value(5));
        var command = ArgumentCaptor.forClass(Object.class);
        verify(dispatcher).send(command.capture(), any(), any());
        assertThat(command.getValue()).isInstanceOfSatisfying(ProposeQuestionCommand.class, c -> {
            assertThat(c.text()).isEqualTo("What is a monad?");
            assertThat(c.tags()).containsExactly("FP");
            assertThat(c.source().document()).isEqualTo("fp.md");
            assertThat(c.source().line()).isEqualTo(3);
        });
    }

    @Test
    void reviewersMayPropose() throws Exception {
        accepted(1);
        performJson(as("REVIEWER"), post("/api/questions"), "{\"text\":\"What is a monad?\"}")
                .andExpect(status().isAccepted());
    }

    @Test
    void readersCannotPropose() throws Exception {
        performJson(as("READER"), post("/api/questions"), "{\"text\":\"What is a monad?\"}")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void missingTextIsBadRequestNamingTheField() throws Exception {
        performJson(as("EDITOR"), post("/api/questions"), "{\"tags\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("text")));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void unknownFieldIsBadRequest() throws Exception {
        performJson(as("EDITOR"), post("/api/questions"), "{\"text\":\"What is a monad?\",\"colour\":\"red\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void domainValidationFailureIsBadRequestWithItsMessage() throws Exception {
        when(dispatcher.send(any(), any(), any()))
                .thenThrow(new CommandExecutionException(
                        "failed",
                        new IllegalArgumentException(
                                "question text contains control or bidirectional-override characters")));
        performJson(as("EDITOR"), post("/api/questions"), "{\"text\":\"What is it?\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail")
                        .value("question text contains control or bidirectional-override characters"));
    }

    @Test
    void controlCharactersAreRejectedAtTheEdgeBeforeAnyCommand() throws Exception {
        performJson(as("EDITOR"), post("/api/questions"), "{\"text\":\"What\\u0007 is it?\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'text' text contains a control character (U+0007)"));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void rewordingIsSubmittedAsProposal() throws Exception {
        accepted(8);
        performJson(
                        as("EDITOR"),
                        post("/api/questions/{id}/rewordings", id),
                        "{\"text\":\"What is a functor?\",\"baseRevision\":2}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.proposalId").isString())
                .andExpect(jsonPath("$.position").value(8));
        var command = ArgumentCaptor.forClass(Object.class);
        verify(dispatcher).send(command.capture(), any());
        assertThat(((SubmitProposalCommand) command.getValue()).change())
                .isEqualTo(new ProposedChange.Rewording(QuestionId.of(id), "What is a functor?", 2));
    }

    @Test
    void baseRevisionBelowOneIsBadRequest() throws Exception {
        performJson(
                        as("EDITOR"),
                        post("/api/questions/{id}/rewordings", id),
                        "{\"text\":\"What is a functor?\",\"baseRevision\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("baseRevision must be at least 1"));
    }

    @Test
    void staleRewordingIsConflict() throws Exception {
        when(dispatcher.send(any(), any()))
                .thenThrow(new CommandExecutionException("failed", new StaleRevisionException(1, 2)));
        performJson(
                        as("EDITOR"),
                        post("/api/questions/{id}/rewordings", id),
                        "{\"text\":\"What is a functor?\",\"baseRevision\":1}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("at revision 2")));
    }

    @Test
    void unknownQuestionIsNotFound() throws Exception {
        when(dispatcher.send(any(), any())).thenThrow(new AggregateNotFoundException(id.toString(), "none"));
        performJson(as("EDITOR"), post("/api/questions/{id}/tags", id), "{\"add\":[\"fp\"]}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void mergeNeedsBothIds() throws Exception {
        performJson(as("EDITOR"), post("/api/merges"), "{\"sourceId\":\"" + id + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("targetId")));
    }

    @Test
    void mergeAndUnmergeAreSubmittedAsProposals() throws Exception {
        accepted(3);
        UUID target = UUID.randomUUID();
        performJson(
                        as("REVIEWER"),
                        post("/api/merges"),
                        "{\"sourceId\":\"" + id + "\",\"targetId\":\"" + target + "\"}")
                .andExpect(status().isAccepted());
        performJson(as("EDITOR"), post("/api/questions/{id}/unmerge", id), "{}").andExpect(status().isAccepted());
        var command = ArgumentCaptor.forClass(Object.class);
        verify(dispatcher, times(2)).send(command.capture(), any());
        assertThat(command.getAllValues())
                .map(c -> ((SubmitProposalCommand) c).change())
                .containsExactly(
                        new ProposedChange.Merge(QuestionId.of(id), QuestionId.of(target), 0, 0),
                        new ProposedChange.Unmerge(QuestionId.of(id), 0));
    }

    @Test
    void retirementByReaderIsForbidden() throws Exception {
        performJson(as("READER"), post("/api/questions/{id}/retirement", id), "{\"reason\":\"old\"}")
                .andExpect(status().isForbidden());
        verifyNoInteractions(dispatcher);
    }
}
