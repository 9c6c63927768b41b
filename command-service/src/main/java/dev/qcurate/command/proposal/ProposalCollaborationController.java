package dev.qcurate.command.proposal;

import dev.qcurate.command.dispatch.CommandDispatcher;
import dev.qcurate.command.question.Tags;
import dev.qcurate.shared.proposal.AmendProposalCommand;
import dev.qcurate.shared.proposal.ClaimProposalCommand;
import dev.qcurate.shared.proposal.CommentOnProposalCommand;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ReleaseProposalClaimCommand;
import dev.qcurate.shared.proposal.RequestProposalChangesCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.qcurate.command.dispatch.PositionHeader.answer;

/** Claims (reviewers), comments (proposer and reviewers), requests for changes (reviewers), amendments (proposer). */
@RestController
@RequiredArgsConstructor
class ProposalCollaborationController {

    private final CommandDispatcher dispatcher;

    record ClaimBody(Boolean takeOver) {}

    /** The size is checked here too, so a huge comment is refused before it becomes a command. */
    record CommentBody(
            @NotNull @Size(max = CommentText.MAX_LENGTH) String text) {}

    record ChangeRequestBody(
            @NotNull @Size(max = CommentText.MAX_LENGTH) String comment) {}

    record AmendmentBody(
            @Size(max = 10_000) String text,
            @Size(max = Tags.MAX_TAGS) List<String> add,
            @Size(max = Tags.MAX_TAGS) List<String> remove,
            Integer baseRevision) {}

    @PostMapping("/api/proposals/{id}/claim")
    ResponseEntity<Map<String, Object>> claim(@PathVariable UUID id, @RequestBody(required = false) ClaimBody body) {
        boolean takeOver = body != null && Boolean.TRUE.equals(body.takeOver());
        return send(new ClaimProposalCommand(ProposalId.of(id), takeOver), id, HttpStatus.OK);
    }

    @DeleteMapping("/api/proposals/{id}/claim")
    ResponseEntity<Map<String, Object>> release(@PathVariable UUID id) {
        return send(new ReleaseProposalClaimCommand(ProposalId.of(id)), id, HttpStatus.OK);
    }

    @PostMapping("/api/proposals/{id}/comments")
    ResponseEntity<Map<String, Object>> comment(
            @PathVariable UUID id, @Valid @RequestBody CommentBody body, Authentication user) {
        return send(
                new CommentOnProposalCommand(ProposalId.of(id), body.text(), isReviewer(user)), id, HttpStatus.CREATED);
    }

    @PostMapping("/api/proposals/{id}/change-request")
    ResponseEntity<Map<String, Object>> requestChanges(
            @PathVariable UUID id, @Valid @RequestBody ChangeRequestBody body) {
        return send(new RequestProposalChangesCommand(ProposalId.of(id), body.comment()), id, HttpStatus.OK);
    }

    @PostMapping("/api/proposals/{id}/amendments")
    ResponseEntity<Map<String, Object>> amend(@PathVariable UUID id, @Valid @RequestBody AmendmentBody body) {
        if (body.baseRevision() != null && body.baseRevision() < 1) {
            throw new IllegalArgumentException("baseRevision must be at least 1");
        }
        return send(
                new AmendProposalCommand(
                        ProposalId.of(id),
                        body.text(),
                        body.add(),
                        body.remove(),
                        body.baseRevision() == null ? 0 : body.baseRevision()),
                id,
                HttpStatus.OK);
    }

    private ResponseEntity<Map<String, Object>> send(Object command, UUID id, HttpStatus status) {
        ProposalId proposalId = ProposalId.of(id);
        return answer(status, dispatcher.send(command, proposalId), Map.of("proposalId", proposalId));
    }

    private static boolean isReviewer(Authentication user) {
        return user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_REVIEWER")
                        || a.getAuthority().equals("ROLE_ADMIN"));
    }
}
