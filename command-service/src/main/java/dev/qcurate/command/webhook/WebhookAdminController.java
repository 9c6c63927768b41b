package dev.qcurate.command.webhook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook administration ({@code /api/admin/**} is ADMIN only, see SecurityConfig). Everything is checked before
 * anything is stored: a refused endpoint leaves no row behind.
 */
@RestController
@RequestMapping("/api/admin/webhooks")
class WebhookAdminController {

    static final int MAX_DESCRIPTION = 200;

    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final WebhookSettings settings;
    private final EndpointAddressPolicy addresses;

    WebhookAdminController(EndpointStore endpoints, DeliveryStore deliveries, WebhookSettings settings) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.settings = settings;
        this.addresses = new EndpointAddressPolicy(settings.allowLoopback(), settings.allowPrivateNetworks());
    }

    record NewEndpointBody(String url, List<String> events, String description) {}

    @GetMapping
    List<WebhookEndpoint> all() {
        return endpoints.all();
    }

    @GetMapping("/events")
    List<String> eventKinds() {
        return java.util.Arrays.stream(EventKind.values())
                .map(EventKind::wireName)
                .toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> register(@RequestBody NewEndpointBody body, Principal caller) {
        URI url = EndpointAddressPolicy.parse(body.url());
        List<EventKind> kinds = kinds(body.events());
        String description =
                body.description() == null ? "" : body.description().strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("'description' is longer than " + MAX_DESCRIPTION + " characters");
        }
        addresses.check(url);
        if (endpoints.count() >= settings.maxEndpoints()) {
            throw new IllegalStateException("there are already " + settings.maxEndpoints()
                    + " webhook endpoints (qcurate.webhooks.max-endpoints); delete one first");
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        endpoints.create(id, url.toString(), kinds, secret, description, caller.getName());
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + id)).body(withSecret(endpoint(id), secret));
    }

    @GetMapping("/{id}")
    WebhookEndpoint one(@PathVariable UUID id) {
        return endpoint(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!endpoints.delete(id)) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    /** A new secret, shown this once; deliveries from now on are signed with it. */
    @PostMapping("/{id}/secret")
    Map<String, Object> rotateSecret(@PathVariable UUID id) {
        String secret = WebhookSignature.newSecret();
        if (!endpoints.rotateSecret(id, secret)) {
            throw notFound();
        }
        return withSecret(endpoint(id), secret);
    }

    @GetMapping("/{id}/deliveries")
    List<DeliveryViews.Delivery> deliveries(
            @PathVariable UUID id, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        endpoint(id);
        return deliveries.recent(id, limit);
    }

    /** Sends a finished delivery again, with the same delivery id (receivers deduplicate on it). */
    @PostMapping("/{id}/deliveries/{deliveryId}/resend")
    ResponseEntity<Map<String, Object>> resend(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        DeliveryState state = deliveries
                .stateOf(id, deliveryId)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such delivery for this endpoint"));
        if (state == DeliveryState.PENDING || !deliveries.resend(deliveryId, settings.maxAttempts())) {
            throw new IllegalStateException("the delivery is already queued for its next attempt");
        }
        return ResponseEntity.accepted().body(Map.of("id", deliveryId, "state", DeliveryState.PENDING));
    }

    private WebhookEndpoint endpoint(UUID id) {
        return endpoints.find(id).orElseThrow(WebhookAdminController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such webhook endpoint");
    }

    private static List<EventKind> kinds(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException(
                    "'events' must name at least one event kind; known: " + EventKind.known());
        }
        if (events.size() > 10) {
            throw new IllegalArgumentException("'events' names more than 10 event kinds");
        }
        return events.stream().map(EventKind::fromWire).distinct().toList();
    }

    private static Map<String, Object> withSecret(WebhookEndpoint endpoint, String secret) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", endpoint.id());
        answer.put("url", endpoint.url());
        answer.put("events", endpoint.events());
        answer.put("description", endpoint.description());
        answer.put("createdBy", endpoint.createdBy());
        answer.put("createdAt", endpoint.createdAt());
        answer.put("secret", secret);
        return answer;
    }
}
