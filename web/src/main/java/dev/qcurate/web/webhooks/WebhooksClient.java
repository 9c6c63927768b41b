package dev.qcurate.web.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.services.Services;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/admin/webhooks} on the command service, which hosts the webhooks (docs/webhooks.md). */
@Component
@RequiredArgsConstructor
class WebhooksClient {

    static final int RECENT_DELIVERIES = 50;

    private final Services services;

    List<WebhookViews.Endpoint> endpoints() {
        List<WebhookViews.Endpoint> endpoints = new ArrayList<>();
        services.command()
                .get("/api/admin/webhooks", Map.of(), JsonNode.class)
                .forEach(e -> endpoints.add(endpoint(e)));
        return endpoints;
    }

    WebhookViews.Endpoint endpoint(String id) {
        return endpoint(services.command().get("/api/admin/webhooks/{id}", Map.of(), JsonNode.class, id));
    }

    List<WebhookViews.Delivery> deliveries(String endpointId) {
        List<WebhookViews.Delivery> deliveries = new ArrayList<>();
        for (JsonNode d : services.command()
                .get(
                        "/api/admin/webhooks/{id}/deliveries",
                        Map.of("limit", RECENT_DELIVERIES),
                        JsonNode.class,
                        endpointId)) {
            List<WebhookViews.Attempt> history = new ArrayList<>();
            d.path("history")
                    .forEach(a -> history.add(new WebhookViews.Attempt(
                            a.path("attempt").asInt(),
                            a.path("startedAt").asText(),
                            a.path("durationMs").asInt(),
                            a.path("status").asInt(0),
                            a.path("responseExcerpt").asText(""),
                            a.path("error").asText(""))));
            deliveries.add(new WebhookViews.Delivery(
                    d.path("id").asText(),
                    d.path("event").asText(),
                    d.path("position").asLong(),
                    d.path("state").asText(),
                    d.path("attempts").asInt(),
                    d.path("nextAttemptAt").asText(""),
                    d.path("createdAt").asText(),
                    history));
        }
        return deliveries;
    }

    /** Registers the endpoint; the answer's secret is shown once and never again. */
    Created create(String url, List<String> events, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("events", events);
        body.put("description", description);
        JsonNode created = services.command().post("/api/admin/webhooks", body).body();
        return new Created(created.path("id").asText(), created.path("secret").asText());
    }

    String rotateSecret(String id) {
        return services.command()
                .post("/api/admin/webhooks/{id}/secret", Map.of(), id)
                .text("secret");
    }

    void delete(String id) {
        services.command().delete("/api/admin/webhooks/{id}", id);
    }

    void resend(String endpointId, String deliveryId) {
        services.command()
                .post("/api/admin/webhooks/{id}/deliveries/{delivery}/resend", Map.of(), endpointId, deliveryId);
    }

    record Created(String id, String secret) {}

    private static WebhookViews.Endpoint endpoint(JsonNode e) {
        List<String> events = new ArrayList<>();
        e.path("events").forEach(kind -> events.add(kind.asText()));
        return new WebhookViews.Endpoint(
                e.path("id").asText(),
                e.path("url").asText(),
                events,
                e.path("description").asText(""),
                e.path("createdBy").asText(),
                e.path("createdAt").asText());
    }
}
