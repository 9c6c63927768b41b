package dev.qcurate.query.projection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The indexed view only; nothing here touches the database. */
class ProjectionPositionIndexedTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ProjectionPosition position = new ProjectionPosition(null);

    @Test
    void aReaderWaitingForTheIndexWakesWhenTheWorkerMarksItsBatch() throws Exception {
        position.indexWorkQueued();
        position.committed(upTo(3));
        assertThat(position.currentLocally()).isEqualTo(3);
        assertThat(position.awaitIndexed(3, Duration.ofMillis(30))).isFalse();

        CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return position.awaitIndexed(3, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        position.markIndexed(upTo(3));

        assertThat(reader.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(position.indexedHighest()).isEqualTo(3);
    }

    @Test
    void waitersBeyondTheBoundAreAnsweredAtOnceInsteadOfQueueing() throws Exception {
        ProjectionPosition bounded = new ProjectionPosition(null, 1);
        bounded.indexWorkQueued();
        bounded.committed(upTo(3));
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> awaitIndexed(bounded, 3));
        while (bounded.waiting() == 0) { // the first reader holds the only permit
            Thread.onSpinWait();
        }

        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> awaitIndexed(bounded, 3));

        assertThat(second.get(5, TimeUnit.SECONDS)).as("refused without waiting its 30 s").isFalse();
        bounded.markIndexed(upTo(3));
        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(bounded.waiting()).isZero();
    }

    private static boolean awaitIndexed(ProjectionPosition position, long wanted) {
        try {
            return position.awaitIndexed(wanted, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBatchWithoutIndexWorkCountsAsIndexedOnceEarlierWorkIsDone() throws Exception {
        position.indexWorkQueued();
        position.committed(upTo(2));
        position.committed(upTo(4)); // no index work of its own, but behind the queued batch
        assertThat(position.indexedHighest()).isZero();

        position.markIndexed(upTo(2));
        position.committed(upTo(5));

        assertThat(position.awaitIndexed(5, Duration.ZERO)).isTrue();
    }

    @Test
    void aBatchWithoutIndexWorkCommittedWhileTheWorkerIsBusyIsIndexedWhenItFinishes() throws Exception {
        position.indexWorkQueued();
        position.committed(upTo(2));
        position.committed(upTo(4)); // no index work of its own

        position.markIndexed(upTo(2));

        assertThat(position.awaitIndexed(4, Duration.ZERO)).isTrue();
    }

    @Test
    void markingIsUnconditionalSoAResetLowersTheIndexedView() {
        position.markIndexed(upTo(7));
        position.markIndexed(AppliedPositions.none());

        assertThat(position.indexedHighest()).isZero();
    }

    @Test
    void aGapIsNotIndexedUntilItsEventIs() throws Exception {
        AppliedPositions withGap = AppliedPositions.none();
        withGap.add(1, T0);
        withGap.add(3, T0);
        position.markIndexed(withGap);

        assertThat(position.awaitIndexed(3, Duration.ZERO)).isTrue();
        assertThat(position.awaitIndexed(2, Duration.ofMillis(10))).isFalse();
    }

    private static AppliedPositions upTo(long highest) {
        AppliedPositions applied = AppliedPositions.none();
        for (long p = 1; p <= highest; p++) {
            applied.add(p, T0);
        }
        return applied;
    }
}
