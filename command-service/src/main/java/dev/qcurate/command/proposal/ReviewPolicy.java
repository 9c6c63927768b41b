package dev.qcurate.command.proposal;

import dev.qcurate.shared.proposal.ProposalType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * How many approvals from distinct reviewers each kind of change needs, e.g. {@code qcurate.review.approvals.merge=2};
 * one when not configured.
 */
@ConfigurationProperties("qcurate.review")
record ReviewPolicy(Map<String, Integer> approvals) {

    ReviewPolicy {
        approvals = approvals == null ? Map.of() : Map.copyOf(approvals);
        approvals.forEach((type, count) -> {
            if (count == null || count < 1) {
                throw new IllegalArgumentException("qcurate.review.approvals." + type + " must be at least 1");
            }
        });
    }

    int requiredApprovals(ProposalType type) {
        return approvals.getOrDefault(type.key(), 1);
    }
}
