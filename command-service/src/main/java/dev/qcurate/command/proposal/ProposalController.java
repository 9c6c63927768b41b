package dev.qcurate.command.proposal;

import dev.qcurate.command.dispatch.CommandDispatcher;
import dev.qcurate.command.dispatch.CommandFailure;
import dev.qcurate.shared.proposal.ApproveProposalCommand;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.RejectProposalCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.qcurate.command.dispatch.PositionHeader.answer;

/** Reviewers approve (one by one or in bulk) and reject proposals. */
@RestController
@RequiredArgsConstructor
class ProposalController {

    static final int MAX_BULK = 1_000;

    private final CommandDispatcher dispatcher;

    record RejectionBody(String reason) {}

    record BulkApprovalBody(@NotEmpty @Size(max = MAX_BULK) List<UUID> proposalIds) {}

    @PostMapping("/api/proposals/{id}/approval")
    ResponseEntity<?> approve(@PathVariable UUID id) {
        ProposalId proposalId = ProposalId.of(id);
        CommandDispatcher.Dispatched<ApprovalOutcome> sent =
                dispatcher.send(new ApproveProposalCommand(proposalId), proposalId);
        if (sent.result().result() == ApprovalOutcome.Result.STALE) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT, "proposal is stale: " + sent.result().detail());
            problem.setTitle("Stale proposal");
            problem.setProperty("position", sent.position());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return answer(
                HttpStatus.OK,
                sent,
                Map.of(
                        "outcome",
                        sent.result().result(),
                        "detail",
                        sent.result().detail()));
    }

    @PostMapping("/api/proposals/{id}/rejection")
    ResponseEntity<Map<String, Object>> reject(@PathVariable UUID id, @RequestBody RejectionBody body) {
        ProposalId proposalId = ProposalId.of(id);
        var sent = dispatcher.send(new RejectProposalCommand(proposalId, body.reason()), proposalId);
        return answer(HttpStatus.OK, sent, Map.of());
    }

    /** Approves each proposal in its own transaction, so one failure does not hold back the others. */
    @PostMapping("/api/proposals/approval")
    ResponseEntity<Map<String, Object>> approveAll(@Valid @RequestBody BulkApprovalBody body) {
        List<UUID> approved = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        long position = 0;
        for (UUID id : new LinkedHashSet<>(body.proposalIds())) {
            try {
                ProposalId proposalId = ProposalId.of(id);
                var sent = dispatcher.<ApprovalOutcome>send(new ApproveProposalCommand(proposalId), proposalId);
                position = Math.max(position, sent.position());
                if (sent.result().result() == ApprovalOutcome.Result.STALE) {
                    failed.add(Map.of(
                            "proposalId",
                            id,
                            "reason",
                            "stale: " + sent.result().detail()));
                } else {
                    approved.add(id);
                }
            } catch (RuntimeException e) {
                failed.add(
                        Map.of("proposalId", id, "reason", CommandFailure.of(e).detail()));
            }
        }
        return ResponseEntity.ok()
                .header(dev.qcurate.command.dispatch.PositionHeader.NAME, Long.toString(position))
                .body(Map.of("approved", approved, "failed", failed, "position", position));
    }
}
