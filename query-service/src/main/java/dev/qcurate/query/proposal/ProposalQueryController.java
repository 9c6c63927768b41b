package dev.qcurate.query.proposal;

import dev.qcurate.shared.proposal.ProposalStatus;
import dev.qcurate.shared.proposal.ProposalType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The review queue ({@code ?status=PENDING}) and proposers' feedback ({@code ?proposer=me}): each proposal with its
 * decision and, when rejected, the reason. Filters: status, proposer, type, question, list, the question's tag and
 * the import that brought the question; {@code /counts} answers {@code {"total", "byType": {TYPE: n}}}.
 */
@RestController
@Validated
@RequiredArgsConstructor
class ProposalQueryController {

    private final ProposalQueries proposals;
    private final ProposalConversation conversation;

    /** Order of the answer: the queue's oldest first, or a proposer's newest first. */
    enum Sort {
        OLDEST,
        NEWEST
    }

    static final String CANDIDATES_SKIPPED = "X-Qcurate-Candidates-Skipped";

    @GetMapping("/api/proposals")
    ResponseEntity<List<ProposalView>> proposals(
            @RequestParam(required = false) ProposalStatus status,
            @RequestParam(required = false) @Size(max = 64) String proposer,
            @RequestParam(required = false) ProposalType type,
            @RequestParam(required = false) UUID questionId,
            @RequestParam(required = false) UUID listId,
            @RequestParam(required = false) @Size(max = 40) String tag,
            @RequestParam(required = false) UUID importId,
            @RequestParam(defaultValue = "OLDEST") Sort sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1_000) int size,
            Authentication user) {
        ProposalQueries.Page found = proposals.find(
                filter(status, proposer, type, questionId, listId, tag, importId, user),
                page,
                size,
                sort == Sort.NEWEST);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (found.candidatesSkipped() > 0) {
            // live duplicate lookups are capped per page; ask smaller pages to see these proposals' candidates
            answer.header(CANDIDATES_SKIPPED, Integer.toString(found.candidatesSkipped()));
        }
        return answer.body(conversation.withRecentConversation(found.proposals()));
    }

    /** How many proposals the same filters match, in all and by type, without fetching them. */
    @GetMapping("/api/proposals/counts")
    Map<String, Object> counts(
            @RequestParam(required = false) ProposalStatus status,
            @RequestParam(required = false) @Size(max = 64) String proposer,
            @RequestParam(required = false) ProposalType type,
            @RequestParam(required = false) UUID questionId,
            @RequestParam(required = false) UUID listId,
            @RequestParam(required = false) @Size(max = 40) String tag,
            @RequestParam(required = false) UUID importId,
            Authentication user) {
        Map<String, Long> byType =
                proposals.countByType(filter(status, proposer, type, questionId, listId, tag, importId, user));
        return Map.of(
                "total", byType.values().stream().mapToLong(Long::longValue).sum(), "byType", byType);
    }

    /** One proposal with its conversation and amendments; 404 when the read model does not know it (yet). */
    @GetMapping("/api/proposals/{id}")
    ProposalDetail proposal(@PathVariable UUID id) {
        ProposalView proposal = proposals
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no proposal " + id));
        return new ProposalDetail(proposal, conversation.entries(id), conversation.revisions(id));
    }

    /** A proposal, what was said about it, and its amendments (revision 2 onwards), oldest first. */
    record ProposalDetail(
            ProposalView proposal,
            List<ProposalConversation.Entry> conversation,
            List<ProposalConversation.Revision> revisions) {}

    private static ProposalQueries.Filter filter(
            ProposalStatus status,
            String proposer,
            ProposalType type,
            UUID questionId,
            UUID listId,
            String tag,
            UUID importId,
            Authentication user) {
        String proposedBy = "me".equals(proposer) ? user.getName() : proposer;
        return new ProposalQueries.Filter(
                status == null ? null : status.name(),
                proposedBy,
                type == null ? null : type.name(),
                questionId,
                listId,
                tag == null || tag.isBlank() ? null : tag,
                importId);
    }
}
