package dev.qcurate.command.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSettingsTest {

    @Test
    void backOffDoublesFromTheBaseUpToTheMaximum() {
        WebhookSettings settings = new WebhookSettings(
                false, false, 8, Duration.ofSeconds(10), Duration.ofMinutes(5), null, null, null, 0, 0);
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(settings.backoffAfter(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.backoffAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theLeaseIsNeverShorterThanOneAttempt() {
        WebhookSettings settings = new WebhookSettings(
                false,
                false,
                0,
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                0,
                0);
        assertThat(settings.lease()).isGreaterThanOrEqualTo(Duration.ofSeconds(40));
        assertThat(settings.maxAttempts()).isEqualTo(8);
    }
}
