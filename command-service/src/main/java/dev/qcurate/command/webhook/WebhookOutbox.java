package dev.qcurate.command.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposalRejectedEvent;
import lombok.RequiredArgsConstructor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
@RequiredArgsConstructor
class WebhookOutbox {

    static final String GROUP = "webhook-outbox";

    private final DeliveryStore deliveries;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final WebhookSettings settings;

    @EventHandler
    void on(ProposalAppliedEvent event, EventMessage<?> message) {
        queue(EventKind.PROPOSAL_DECIDED, message, decision(event.proposalId(), "APPLIED", event.reviewer()));
    }

    @EventHandler
    void on(ProposalRejectedEvent event, EventMessage<?> message) {
        Map<String, Object> data = decision(event.proposalId(), "REJECTED", event.reviewer());
        data.put("reason", event.reason());
        queue(EventKind.PROPOSAL_DECIDED, message, data);
    }

    @EventHandler
    void on(ListReleasedEvent event, EventMessage<?> message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("listId", event.listId().toString());
        data.put("label", event.label());
        data.put("version", event.version());
        queue(EventKind.RELEASE_PUBLISHED, message, data);
    }

    private static Map<String, Object> decision(ProposalId proposal, String outcome, String reviewer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("proposalId", proposal.toString());
        data.put("outcome", outcome);
        data.put("reviewer", reviewer);
        return data;
    }

    /** The delivery body: the event's id, kind, store position, time and actor, and its {@code data}. */
    private void queue(EventKind kind, EventMessage<?> message, Map<String, Object> data) {
        String eventId = message.getIdentifier();
        long position = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("event", kind.wireName());
        body.put("position", position);
        body.put("occurredAt", message.getTimestamp().toString());
        body.put("actor", message.getMetaData().get("actor"));
        body.put("data", data);
        try {
            deliveries.enqueue(eventId, kind, position, json.writeValueAsBytes(body), settings.maxAttempts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }
}
