package dev.qcurate.web.review;

import dev.qcurate.web.services.ChangeKind;

import java.util.List;
import java.util.UUID;

/**
 * Everything the queue page shows.
 *
 * @param pending      pending proposals under the filters (the "N pending" text)
 * @param allPending   pending proposals in all, when filters narrow the queue
 * @param skippedHere  items of this page the reviewer skipped in this session (left out)
 * @param notice       the outcome of the last plain-form action
 * @param problem      a refused action, shown at the top and in its item, with what the reviewer typed
 * @param bulk         each outcome of the last bulk approval
 */
public record ReviewPage(
        ReviewFilter filter,
        List<ReviewItem> items,
        long pending,
        long allPending,
        List<KindCount> kinds,
        int pages,
        int skippedHere,
        int skippedTotal,
        String notice,
        ItemProblem problem,
        List<BulkLine> bulk) {

    /** A change kind in the filter, with how many pending proposals it holds under the other filters. */
    public record KindCount(ChangeKind kind, long count) {}

    /** Pending under the filters other than the kind: what "All kinds" holds. */
    public long allKinds() {
        return kinds.stream().mapToLong(KindCount::count).sum();
    }

    public boolean empty() {
        return items.isEmpty();
    }

    public boolean hasPrevious() {
        return filter.page() > 1;
    }

    public boolean hasNext() {
        return filter.page() < pages;
    }

    public boolean problemFor(UUID proposalId) {
        return problem != null && proposalId.equals(problem.proposalId());
    }

    /** The reason the reviewer typed for this item before the rejection was refused, else empty. */
    public String reasonFor(UUID proposalId) {
        return problemFor(proposalId) && problem.reason() != null ? problem.reason() : "";
    }
}
