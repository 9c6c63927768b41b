package dev.qcurate.web.review;

import dev.qcurate.web.services.ChangeKind;
import dev.qcurate.web.services.SignedInUser;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Builds the queue page from the services' answers and carries out bulk approval. */
@Component
@RequiredArgsConstructor
class ReviewQueue {

    static final int MAX_BULK = 1_000;

    private final ReviewClient client;

    ReviewPage page(
            ReviewFilter filter,
            SignedInUser user,
            Set<UUID> skipped,
            String notice,
            List<BulkLine> bulk,
            ItemProblem problem) {
        ProposalCounts counts = client.counts(filter);
        long pending = filter.kind() == null ? counts.total() : counts.of(filter.kind());
        long allPending = filter.narrowed() ? client.allPending() : pending;
        int pages = (int) Math.max(1, (pending + ReviewClient.PAGE_SIZE - 1) / ReviewClient.PAGE_SIZE);
        List<ReviewItem> items = new ArrayList<>();
        int skippedHere = 0;
        ReviewItems.Lookup lookup = client.lookup();
        for (Proposal proposal : client.pending(filter)) {
            if (skipped.contains(proposal.proposalId())) {
                skippedHere++;
            } else {
                items.add(ReviewItems.of(proposal, lookup, user.username()));
            }
        }
        List<ReviewPage.KindCount> kinds = Arrays.stream(ChangeKind.values())
                .map(kind -> new ReviewPage.KindCount(kind, counts.of(kind)))
                .toList();
        return new ReviewPage(
                filter,
                items,
                pending,
                allPending,
                kinds,
                pages,
                skippedHere,
                skipped.size(),
                notice,
                problem,
                bulk == null ? List.of() : bulk);
    }

    /** Pending proposals left under the filters, after an action. */
    long left(ReviewFilter filter) {
        ProposalCounts counts = client.counts(filter);
        return filter.kind() == null ? counts.total() : counts.of(filter.kind());
    }

    /** Approves each selected proposal; the lines name them by the text shown on the page they were picked on. */
    List<BulkLine> approveAll(List<UUID> ids, ReviewFilter filter, SignedInUser user) {
        Map<UUID, String> headings = new HashMap<>();
        ReviewItems.Lookup lookup = client.lookup();
        for (Proposal proposal : client.pending(filter)) {
            if (ids.contains(proposal.proposalId())) {
                ReviewItem item = ReviewItems.of(proposal, lookup, user.username());
                headings.put(item.proposalId(), item.kindLabel() + ": " + item.heading());
            }
        }
        Map<UUID, String> failures = client.approveAll(ids);
        List<BulkLine> lines = new ArrayList<>();
        for (UUID id : ids) {
            String heading = headings.getOrDefault(id, "Proposal " + id);
            lines.add(new BulkLine(id, heading, !failures.containsKey(id), failures.get(id)));
        }
        return lines;
    }
}
