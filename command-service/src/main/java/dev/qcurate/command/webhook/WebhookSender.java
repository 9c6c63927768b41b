package dev.qcurate.command.webhook;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Makes one attempt of a delivery: a POST of the stored body with fresh timestamp and signature headers. Redirects
 * are not followed (a redirect could lead past the address policy), and at most {@link #EXCERPT_BYTES} of the
 * answer are read.
 */
@Component
class WebhookSender {

    static final String DELIVERY_HEADER = "X-Qcurate-Delivery";
    static final String EVENT_HEADER = "X-Qcurate-Event";
    static final String TIMESTAMP_HEADER = "X-Qcurate-Timestamp";
    static final String SIGNATURE_HEADER = "X-Qcurate-Signature";
    static final int EXCERPT_BYTES = 2048;

    private final HttpClient client;
    private final WebhookSettings settings;
    private final EndpointAddressPolicy addresses;
    private final Clock clock;

    WebhookSender(WebhookSettings settings, Clock webhookClock) {
        this.settings = settings;
        this.addresses = new EndpointAddressPolicy(settings.allowLoopback(), settings.allowPrivateNetworks());
        this.clock = webhookClock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    DeliveryResult send(DeliveryStore.Claimed delivery) {
        long started = System.nanoTime();
        try {
            URI uri = EndpointAddressPolicy.parse(delivery.url());
            addresses.check(uri);
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "qcurate-webhooks/1")
                    .header(DELIVERY_HEADER, delivery.id().toString())
                    .header(EVENT_HEADER, delivery.eventKind())
                    .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.payload()))
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream body = response.body()) {
                excerpt = utf8(body.readNBytes(EXCERPT_BYTES));
            }
            int status = response.statusCode();
            return new DeliveryResult(
                    status, excerpt, status / 100 == 2 ? null : "answered " + status, millisSince(started));
        } catch (IllegalArgumentException refused) {
            return new DeliveryResult(null, null, "refused: " + refused.getMessage(), millisSince(started));
        } catch (HttpTimeoutException e) {
            return new DeliveryResult(null, null, "timed out: " + e.getMessage(), millisSince(started));
        } catch (IOException e) {
            return new DeliveryResult(
                    null,
                    null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult(null, null, "interrupted (shutting down)", millisSince(started));
        }
    }

    /** Decodes leniently: an excerpt may end inside a multi-byte character, or not be text at all. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()
                    .replace("\u0000", "");
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
