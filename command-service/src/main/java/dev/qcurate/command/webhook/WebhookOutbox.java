package dev.qcurate.command.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.proposal.ProposalRejectedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns stored events into queued deliveries. A tracking processor of its own reads the event store (as the Kafka
 * relay does), so a command never waits for it, and its token is stored in the same transaction as the rows it
 * queued: after a crash it goes on where it stopped, and a batch handled twice queues nothing twice
 * (DeliveryStore#enqueue). It starts at the head of the store the first time: history is not replayed to endpoints.
 */
@Component
@ProcessingGroup(WebhookOutbox.GROUP)
class WebhookOutbox {

    static final String GROUP = "webhook-outbox";

    private final DeliveryStore deliveries;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final WebhookSettings settings;

    WebhookOutbox(DeliveryStore deliveries, JdbcTemplate jdbc, ObjectMapper json, WebhookSettings settings) {
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
    }

    @EventHandler
    void on(
            ProposalAppliedEvent event,
            @MessageIdentifier String eventId,
            @Timestamp Instant at,
            @MetaDataValue("actor") String actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("proposalId", event.proposalId().toString());
        data.put("outcome", "APPLIED");
        data.put("reviewer", event.reviewer());
        queue(EventKind.PROPOSAL_DECIDED, eventId, at, actor, data);
    }

    @EventHandler
    void on(
            ProposalRejectedEvent event,
            @MessageIdentifier String eventId,
            @Timestamp Instant at,
            @MetaDataValue("actor") String actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("proposalId", event.proposalId().toString());
        data.put("outcome", "REJECTED");
        data.put("reviewer", event.reviewer());
        data.put("reason", event.reason());
        queue(EventKind.PROPOSAL_DECIDED, eventId, at, actor, data);
    }

    @EventHandler
    void on(
            ListReleasedEvent event,
            @MessageIdentifier String eventId,
            @Timestamp Instant at,
            @MetaDataValue("actor") String actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("listId", event.listId().toString());
        data.put("label", event.label());
        data.put("version", event.version());
        queue(EventKind.RELEASE_PUBLISHED, eventId, at, actor, data);
    }

    private void queue(EventKind kind, String eventId, Instant at, String actor, Map<String, Object> data) {
        long position = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("event", kind.wireName());
        body.put("position", position);
        body.put("occurredAt", at.toString());
        body.put("actor", actor);
        body.put("data", data);
        try {
            deliveries.enqueue(eventId, kind, position, json.writeValueAsBytes(body), settings.maxAttempts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }
}
