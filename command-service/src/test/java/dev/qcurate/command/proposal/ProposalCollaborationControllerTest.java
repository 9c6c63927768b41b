package dev.qcurate.command.proposal;

import dev.qcurate.command.config.ControllerSliceTest;
import dev.qcurate.command.dispatch.CommandDispatcher;
import dev.qcurate.shared.proposal.*;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;

import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@WebMvcTest(controllers = ProposalCollaborationController.class)
class ProposalCollaborationControllerTest extends ControllerSliceTest {

    private final UUID id = UUID.randomUUID();
    private final ProposalId proposalId = ProposalId.of(id);

    private void accepted() {
        when(dispatcher.send(any(), any())).thenReturn(new CommandDispatcher.Dispatched<>(null, 9L));
    }

    @Test
    void claimsAndTakesOver() throws Exception {
        accepted();
        mvc.perform(post("/api/proposals/{id}/claim", id).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Qcurate-Position", "9"));
        performJson(as("reviewer2", "REVIEWER"), post("/api/proposals/{id}/claim", id), "{\"takeOver\":true}")
                .andExpect(status().isOk());
        verify(dispatcher).send(new ClaimProposalCommand(proposalId, false), proposalId);
        verify(dispatcher).send(new ClaimProposalCommand(proposalId, true), proposalId);
    }

    @Test
    void releases() throws Exception {
        accepted();
        mvc.perform(delete("/api/proposals/{id}/claim", id).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isOk());
        verify(dispatcher).send(new ReleaseProposalClaimCommand(proposalId), proposalId);
    }

    @Test
    void editorsCannotClaimOrRequestChanges() throws Exception {
        mvc.perform(post("/api/proposals/{id}/claim", id).with(as("editor", "EDITOR")))
                .andExpect(status().isForbidden());
        performJson(as("editor", "EDITOR"), post("/api/proposals/{id}/change-request", id), "{\"comment\":\"no\"}")
                .andExpect(status().isForbidden());
        verifyNoInteractions(dispatcher);
    }

    @Test
    void aClaimOnADecidedProposalIsAConflict() throws Exception {
        when(dispatcher.send(any(ClaimProposalCommand.class), any()))
                .thenThrow(new CommandExecutionException(
                        "failed",
                        new IllegalStateException("proposal " + id + " is APPROVED, no longer open for review")));
        mvc.perform(post("/api/proposals/{id}/claim", id).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("proposal " + id + " is APPROVED, no longer open for review"));
    }

    @Test
    void commentsSayWhetherTheAuthorIsAReviewer() throws Exception {
        accepted();
        performJson(as("editor", "EDITOR"), post("/api/proposals/{id}/comments", id), "{\"text\":\"Why?\"}")
                .andExpect(status().isCreated());
        performJson(as("reviewer", "REVIEWER"), post("/api/proposals/{id}/comments", id), "{\"text\":\"Because.\"}")
                .andExpect(status().isCreated());
        verify(dispatcher).send(new CommentOnProposalCommand(proposalId, "Why?", false), proposalId);
        verify(dispatcher).send(new CommentOnProposalCommand(proposalId, "Because.", true), proposalId);
    }

    @Test
    void aCommentOfAHundredThousandCharactersIsBadRequest() throws Exception {
        performJson(
                        as("reviewer", "REVIEWER"),
                        post("/api/proposals/{id}/comments", id),
                        "{\"text\":\"" + "x".repeat(100_000) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void amendsWithTextOrTags() throws Exception {
        accepted();
        performJson(
                        as("editor", "EDITOR"),
                        post("/api/proposals/{id}/amendments", id),
                        "{\"add\":[\"fp\"],\"baseRevision\":2}")
                .andExpect(status().isOk());
        verify(dispatcher).send(new AmendProposalCommand(proposalId, null, List.of("fp"), null, 2), proposalId);
    }

    @Test
    void amendmentByAnotherUserIsForbidden() throws Exception {
        when(dispatcher.send(any(AmendProposalCommand.class), any()))
                .thenThrow(new CommandExecutionException(
                        "failed", new ReviewForbiddenException("only the proposer may amend a proposal")));
        performJson(as("editor2", "EDITOR"), post("/api/proposals/{id}/amendments", id), "{\"text\":\"Other?\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("only the proposer may amend a proposal"));
    }
}
