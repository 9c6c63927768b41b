package dev.qcurate.query.proposal;

import dev.qcurate.shared.proposal.ProposalStatus;
import dev.qcurate.shared.proposal.ProposalType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * The review queue ({@code ?status=PENDING}) and proposers' feedback ({@code ?proposer=me}): each proposal with its
 * decision and, when rejected, the reason.
 */
@RestController
@Validated
class ProposalQueryController {

    private final ProposalQueries proposals;

    ProposalQueryController(ProposalQueries proposals) {
        this.proposals = proposals;
    }

    @GetMapping("/api/proposals")
    List<ProposalView> proposals(@RequestParam(required = false) ProposalStatus status,
                                 @RequestParam(required = false) @Size(max = 64) String proposer,
                                 @RequestParam(required = false) ProposalType type,
                                 @RequestParam(required = false) UUID questionId,
                                 @RequestParam(required = false) UUID listId,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1_000) int size,
                                 Authentication user) {
        String proposedBy = "me".equals(proposer) ? user.getName() : proposer;
        return proposals.find(new ProposalQueries.Filter(status == null ? null : status.name(), proposedBy,
                type == null ? null : type.name(), questionId, listId), page, size);
    }
}
