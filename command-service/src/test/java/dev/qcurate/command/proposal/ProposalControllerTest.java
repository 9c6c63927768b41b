package dev.qcurate.command.proposal;

import dev.qcurate.command.config.ControllerSliceTest;
import dev.qcurate.command.dispatch.CommandDispatcher;
import dev.qcurate.shared.proposal.ApproveProposalCommand;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.RejectProposalCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;

import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@WebMvcTest(controllers = ProposalController.class)
class ProposalControllerTest extends ControllerSliceTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void approvalAnswersOutcomeAndPosition() throws Exception {
        when(dispatcher.send(any(ApproveProposalCommand.class), any()))
                .thenReturn(new CommandDispatcher.Dispatched<>(ApprovalOutcome.applied(), 42L));
        mvc.perform(post("/api/proposals/{id}/approval", id).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Qcurate-Position", "42"))
                .andExpect(jsonPath("$.position").value(42))
                .andExpect(jsonPath("$.outcome").value("APPLIED"));
        verify(dispatcher).send(new ApproveProposalCommand(ProposalId.of(id)), ProposalId.of(id));
    }

    @Test
    void selfApprovalIsForbiddenAsProblem() throws Exception {
        when(dispatcher.send(any(ApproveProposalCommand.class), any()))
                .thenThrow(new CommandExecutionException(
                        "failed",
                        new ReviewForbiddenException("reviewers cannot approve or reject their own proposals")));
        mvc.perform(post("/api/proposals/{id}/approval", id).with(as("editor", "REVIEWER")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("reviewers cannot approve or reject their own proposals"));
    }

    @Test
    void staleApprovalIsConflictWithPosition() throws Exception {
        when(dispatcher.send(any(ApproveProposalCommand.class), any()))
                .thenReturn(
                        new CommandDispatcher.Dispatched<>(ApprovalOutcome.stale("the question is at revision 2"), 7L));
        mvc.perform(post("/api/proposals/{id}/approval", id).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("proposal is stale: the question is at revision 2"))
                .andExpect(jsonPath("$.position").value(7));
    }

    @Test
    void unknownProposalIsNotFound() throws Exception {
        when(dispatcher.send(any(ApproveProposalCommand.class), any()))
                .thenThrow(new AggregateNotFoundException(id.toString(), "none"));
        mvc.perform(post("/api/proposals/{id}/approval", id).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void invalidProposalIdIsBadRequest() throws Exception {
        mvc.perform(post("/api/proposals/{id}/approval", "not-a-uuid").with(as("reviewer", "REVIEWER")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void editorsCannotApprove() throws Exception {
        mvc.perform(post("/api/proposals/{id}/approval", id).with(as("editor", "EDITOR")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void anonymousCallIsUnauthorized() throws Exception {
        mvc.perform(post("/api/proposals/{id}/approval", id))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void rejectionWithoutReasonIsBadRequest() throws Exception {
        when(dispatcher.send(any(RejectProposalCommand.class), any()))
                .thenThrow(
                        new CommandExecutionException("failed", new IllegalArgumentException("a reason is required")));
        performJson(as("reviewer", "REVIEWER"), post("/api/proposals/{id}/rejection", id), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("a reason is required"));
    }

    @Test
    void rejectionAnswersPosition() throws Exception {
        when(dispatcher.send(any(RejectProposalCommand.class), any()))
                .thenReturn(new CommandDispatcher.Dispatched<>(null, 9L));
        performJson(as("reviewer", "REVIEWER"), post("/api/proposals/{id}/rejection", id), "{\"reason\":\"duplicate\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.position").value(9));
        verify(dispatcher).send(new RejectProposalCommand(ProposalId.of(id), "duplicate"), ProposalId.of(id));
    }

    @Test
    void bulkApprovalReportsEachFailureSeparately() throws Exception {
        UUID good = UUID.randomUUID();
        UUID own = UUID.randomUUID();
        UUID stale = UUID.randomUUID();
        when(dispatcher.send(eq(new ApproveProposalCommand(ProposalId.of(good))), any()))
                .thenReturn(new CommandDispatcher.Dispatched<>(ApprovalOutcome.applied(), 10L));
        when(dispatcher.send(eq(new ApproveProposalCommand(ProposalId.of(own))), any()))
                .thenThrow(new CommandExecutionException("failed", new ReviewForbiddenException("own proposal")));
        when(dispatcher.send(eq(new ApproveProposalCommand(ProposalId.of(stale))), any()))
                .thenReturn(new CommandDispatcher.Dispatched<>(ApprovalOutcome.stale("moved on"), 12L));
        performJson(
                        as("reviewer", "REVIEWER"),
                        post("/api/proposals/approval"),
                        "{\"proposalIds\":[\"" + good + "\",\"" + own + "\",\"" + stale + "\"]}")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Qcurate-Position", "12"))
                .andExpect(jsonPath("$.approved[0]").value(good.toString()))
                .andExpect(jsonPath("$.failed[0].proposalId").value(own.toString()))
                .andExpect(jsonPath("$.failed[0].reason").value("own proposal"))
                .andExpect(jsonPath("$.failed[1].proposalId").value(stale.toString()))
                .andExpect(jsonPath("$.failed[1].reason").value("stale: moved on"));
    }

    @Test
    void bulkApprovalNeedsIds() throws Exception {
        performJson(as("reviewer", "REVIEWER"), post("/api/proposals/approval"), "{\"proposalIds\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(dispatcher);
    }
}
