package dev.qcurate.query.projection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedPositionsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aPositionJumpedOverIsMissingUntilItsEventArrives() {
        AppliedPositions applied = AppliedPositions.none();
        applied.add(1, T0);
        applied.add(4, T0);

        assertThat(applied.highest()).isEqualTo(4);
        assertThat(applied.contains(1)).isTrue();
        assertThat(applied.contains(2)).isFalse();
        assertThat(applied.contains(3)).isFalse();
        assertThat(applied.contains(4)).isTrue();
        assertThat(applied.contains(5)).isFalse();

        applied.add(3, T0);
        assertThat(applied.contains(3)).isTrue();
        assertThat(applied.contains(2)).isFalse();
        assertThat(applied.gaps()).containsOnlyKeys(2L);
    }

    @Test
    void gapsAreAbandonedOnlyOnceEventsMuchYoungerHaveArrived() {
        AppliedPositions applied = AppliedPositions.none();
        applied.add(2, T0);
        applied.add(5, T0.plusSeconds(30));

        applied.abandonGapsOlderThan(Duration.ofMinutes(1), T0.plusSeconds(59));
        assertThat(applied.gaps()).containsOnlyKeys(1L, 3L, 4L);

        applied.abandonGapsOlderThan(Duration.ofMinutes(1), T0.plusSeconds(61));
        assertThat(applied.gaps()).containsOnlyKeys(3L, 4L);
        assertThat(applied.contains(1)).isTrue();
    }

    @Test
    void aHugeJumpIsMissingHistoryNotARaceAndLeavesNoGaps() {
        AppliedPositions applied = AppliedPositions.none();
        applied.add(AppliedPositions.MAX_GAP_SPAN + 2, T0);

        assertThat(applied.gaps()).isEmpty();
        assertThat(applied.contains(1)).isTrue();
    }

    @Test
    void aCopyDoesNotChangeWithTheOriginal() {
        AppliedPositions applied = AppliedPositions.none();
        applied.add(3, T0);
        AppliedPositions copy = applied.copy();
        applied.add(1, T0);

        assertThat(copy.contains(1)).isFalse();
        assertThat(applied.contains(1)).isTrue();
    }

    @Test
    void aGapIsGivenUpByTheSameRuleInAnyBatchingOnTheEventsOwnTimes() {
        Duration timeout = Duration.ofMinutes(1);
        // position 2 commits late: its own time is old, it arrives after an event more than a minute younger
        long[] positions = {1, 3, 4, 2};
        Instant[] times = {T0, T0.plusSeconds(1), T0.plusSeconds(62), T0.plusMillis(500)};

        AppliedPositions live = AppliedPositions.none();
        for (int i = 0; i < positions.length; i++) {
            if (!live.contains(positions[i])) {
                live.advance(positions[i], times[i], timeout);
            }
        }
        AppliedPositions stored = AppliedPositions.none(); // stored and read back between events: one per batch
        for (int i = 0; i < positions.length; i++) {
            stored = new AppliedPositions(stored.highest(), stored.gaps());
            if (!stored.contains(positions[i])) {
                stored.advance(positions[i], times[i], timeout);
            }
        }

        assertThat(live.contains(2))
                .as("given up when position 4 arrived, so the late event is skipped")
                .isTrue();
        assertThat(live.gaps()).isEmpty();
        assertThat(stored.highest()).isEqualTo(live.highest());
        assertThat(stored.gaps()).isEqualTo(live.gaps());
    }
}
