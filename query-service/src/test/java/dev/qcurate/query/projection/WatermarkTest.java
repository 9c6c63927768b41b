package dev.qcurate.query.projection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarkTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aWaitingReaderWakesWhenThePositionIsReached() throws Exception {
        Watermark watermark = new Watermark(4);
        assertThat(watermark.await(3, Duration.ofMillis(30))).isFalse();

        CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(() -> await(watermark, 3));
        watermark.advance(upTo(3));

        assertThat(reader.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(watermark.highest()).isEqualTo(3);
    }

    @Test
    void waitersBeyondTheBoundAreAnsweredAtOnceInsteadOfQueueing() throws Exception {
        Watermark bounded = new Watermark(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> await(bounded, 3));
        while (bounded.waiting() == 0) { // the first reader holds the only permit
            Thread.onSpinWait();
        }

        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> await(bounded, 3));

        assertThat(second.get(5, TimeUnit.SECONDS))
                .as("refused without waiting its 30 s")
                .isFalse();
        bounded.advance(upTo(3));
        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(bounded.waiting()).isZero();
    }

    @Test
    void advanceNeverMovesBackButSetDoes() {
        Watermark watermark = new Watermark(1);
        watermark.advance(upTo(5));
        watermark.advance(upTo(3));
        assertThat(watermark.highest()).isEqualTo(5);

        watermark.set(AppliedPositions.none());
        assertThat(watermark.highest()).isZero();
        assertThat(watermark.contains(1)).isFalse();
    }

    @Test
    void progressElsewhereIsFoundWhileWaiting() throws Exception {
        Watermark watermark = new Watermark(1);
        assertThat(watermark.await(2, Duration.ofSeconds(5), () -> upTo(2))).isTrue();
    }

    private static boolean await(Watermark watermark, long wanted) {
        try {
            return watermark.await(wanted, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AppliedPositions upTo(long position) {
        AppliedPositions applied = AppliedPositions.none();
        applied.add(position, T0);
        return applied;
    }
}
