package dev.qcurate.web.review;

import dev.qcurate.web.services.ChangeKind;

import java.util.Map;

/** {@code GET /api/proposals/counts}: how many proposals match, in all and by type. */
record ProposalCounts(long total, Map<String, Long> byType) {

    ProposalCounts {
        byType = byType == null ? Map.of() : byType;
    }

    long of(ChangeKind kind) {
        return byType.getOrDefault(kind.name(), 0L);
    }
}
