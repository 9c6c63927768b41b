package dev.qcurate.command.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"event\":\"proposal.decided\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAnHmacComputedIndependently() {
        // openssl: printf '1700000000.{"event":"proposal.decided"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY))
                .isEqualTo("sha256=52191347900233f75e093a7bb46e52498b92b73ef7f5c3d78dd1b1b35fb7410a");
    }

    @Test
    void verifiesItsOwnSignatureWithinTheTolerance() {
        String signature = WebhookSignature.sign("whsec_test", 1_000, BODY);
        assertThat(WebhookSignature.verify("whsec_test", "1000", BODY, signature, 1_200, 300))
                .isTrue();
    }

    @Test
    void refusesAnotherSecretAChangedBodyOrAChangedTimestamp() {
        String signature = WebhookSignature.sign("whsec_test", 1_000, BODY);
        assertThat(WebhookSignature.verify("whsec_other", "1000", BODY, signature, 1_000, 300))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        "whsec_test", "1000", "{}".getBytes(StandardCharsets.UTF_8), signature, 1_000, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1001", BODY, signature, 1_000, 300))
                .as("the timestamp is signed, so a replay cannot carry a fresh one")
                .isFalse();
    }

    @Test
    void refusesAnOldDeliveryReplayedLaterAndMissingHeaders() {
        String signature = WebhookSignature.sign("whsec_test", 1_000, BODY);
        assertThat(WebhookSignature.verify("whsec_test", "1000", BODY, signature, 1_301, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", null, BODY, signature, 1_000, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "soon", BODY, signature, 1_000, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "1000", BODY, null, 1_000, 300))
                .isFalse();
    }

    @Test
    void secretsAreLongRandomAndRecognisable() {
        String one = WebhookSignature.newSecret();
        assertThat(one).startsWith("whsec_").hasSize(6 + 43).doesNotContain("=", "+", "/");
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(one);
    }
}
