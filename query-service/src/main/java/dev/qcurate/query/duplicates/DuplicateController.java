package dev.qcurate.query.duplicates;

import dev.qcurate.query.consistency.ProjectionBehindException;
import dev.qcurate.query.consistency.TooBusyException;
import dev.qcurate.query.projection.TopicTail;
import dev.qcurate.query.projection.Watermark;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Duplicate candidates, best first: of a question, of a free text (suggestions while typing), and of every item of
 * an import batch (for the command service, before it proposes them).
 */
@RestController
@Validated
class DuplicateController {

    static final int MAX_TEXT = 1_000;
    static final int MAX_LIMIT = 50;
    static final int MAX_BATCH_ITEMS = 10_000;

    private final DuplicateIndex index;
    private final Watermark indexed;
    private final JdbcTemplate jdbc;
    private final Duration maxWait;
    private final Duration importWait;
    private final Semaphore batches;

    /**
     * @param importWait how long an import's batch check waits for the index to reach the import's position: longer
     *     than a reader's wait, because a document imported right after another waits for all of that one's texts
     *     to be embedded and indexed, and an import is rare and already slow
     * @param maxConcurrentBatches batch checks this instance runs at once (one of 10,000 items keeps the CPU busy for
     *     seconds); beyond it 503 with Retry-After at once instead of queueing without bound
     */
    DuplicateController(
            DuplicateIndex index,
            TopicTail tail,
            JdbcTemplate jdbc,
            @Value("${qcurate.consistency.max-wait:PT5S}") Duration maxWait,
            @Value("${qcurate.duplicates.import-index-wait:PT30S}") Duration importWait,
            @Value("${qcurate.duplicates.max-concurrent-batches:2}") int maxConcurrentBatches) {
        this.index = index;
        this.indexed = tail.local();
        this.batches = new Semaphore(maxConcurrentBatches);
        this.jdbc = jdbc;
        this.maxWait = maxWait;
        this.importWait = importWait;
    }

    record BatchRequest(
            @NotNull @Size(max = MAX_BATCH_ITEMS) List<@Valid @NotNull Item> items,
            @Min(1) @Max(MAX_LIMIT) Integer limit) {}

    record Item(
            @NotNull UUID id, @NotNull @Size(max = MAX_TEXT) String text) {}

    record BatchAnswer(List<ItemCandidates> items) {}

    record ItemCandidates(UUID id, List<DuplicateCandidate> candidates) {}

    @GetMapping("/api/questions/{id}/duplicates")
    List<DuplicateCandidate> ofQuestion(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
            @RequestParam(required = false) Long minPosition)
            throws InterruptedException {
        awaitIndexed(minPosition);
        List<UUID> mergedIn = jdbc.queryForList("SELECT id FROM question WHERE merged_into = ?", UUID.class, id);
        if (mergedIn.isEmpty() && !exists(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no question " + id);
        }
        Set<UUID> excluded = new HashSet<>(mergedIn);
        // over-fetch by what is excluded afterwards, so the answer still has `limit` entries when it can
        return index.candidatesOf(id, limit + excluded.size()).stream()
                .filter(candidate -> !excluded.contains(candidate.questionId()))
                .limit(limit)
                .toList();
    }

    @GetMapping("/api/duplicates")
    List<DuplicateCandidate> ofText(
            @RequestParam @NotEmpty @Size(max = MAX_TEXT) String text,
            @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit,
            @RequestParam(required = false) Long minPosition)
            throws InterruptedException {
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        awaitIndexed(minPosition);
        return index.candidates(text, limit, Set.of());
    }

    /**
     * Each item against the bank and against the items before it in the batch; the index is not changed. With
     * {@code minPosition} (an import passes the event store's head) the index first reaches that event, so the
     * check sees what was committed before it.
     */
    @PostMapping("/api/duplicates/batch")
    BatchAnswer ofBatch(
            @Valid @RequestBody BatchRequest request, @RequestParam(required = false) @Min(0) Long minPosition)
            throws InterruptedException {
        if (!batches.tryAcquire()) {
            throw new TooBusyException("this instance is checking as many batches as it allows at once; retry");
        }
        try {
            awaitIndexed(minPosition, importWait);
            List<BatchItem> items = request.items().stream()
                    .map(item -> new BatchItem(item.id(), item.text()))
                    .toList();
            int limit = request.limit() == null ? 5 : request.limit();
            return new BatchAnswer(index.candidatesForBatch(items, limit).stream()
                    .map(result -> new ItemCandidates(result.questionId(), result.candidates()))
                    .toList());
        } finally {
            batches.release();
        }
    }

    /**
     * This instance's index follows the topic on its own tail, whichever instance projects the read model; for a
     * GET the interceptor has waited for the read model already, so this wait is short.
     */
    private void awaitIndexed(Long minPosition) throws InterruptedException {
        awaitIndexed(minPosition, maxWait);
    }

    private void awaitIndexed(Long minPosition, Duration wait) throws InterruptedException {
        if (minPosition != null && !indexed.await(minPosition, wait)) {
            throw new ProjectionBehindException(minPosition, indexed.highest());
        }
    }

    private boolean exists(UUID id) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM question WHERE id = ?)", Boolean.class, id));
    }
}
