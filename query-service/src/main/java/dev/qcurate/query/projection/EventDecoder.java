package dev.qcurate.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static dev.qcurate.shared.TopicHeaders.ACTOR;
import static dev.qcurate.shared.TopicHeaders.CORRELATION;
import static dev.qcurate.shared.TopicHeaders.POSITION;
import static dev.qcurate.shared.TopicHeaders.REVISION;
import static dev.qcurate.shared.TopicHeaders.TIMESTAMP;
import static dev.qcurate.shared.TopicHeaders.TYPE;

/**
 * Turns a Kafka record of the {@code qcurate.events} topic into a {@link StoredEvent}. Only types of the shared
 * contract are ever instantiated; unknown types (from newer producers) are skipped, not guessed at.
 */
@Component
@RequiredArgsConstructor
class EventDecoder {

    private static final String CONTRACT_PACKAGE = "dev.qcurate.shared.";

    private final ObjectMapper json;
    private final List<EventUpcaster> upcasters;
    /** Contract types and their readers by class name; the topic holds a few dozen types, read millions of times. */
    private final Map<String, Optional<ObjectReader>> readers = new ConcurrentHashMap<>();

    /** The event's position, or empty for records that did not come from the event store relay. */
    Optional<Long> position(ConsumerRecord<String, byte[]> record) {
        return header(record, POSITION).map(Long::parseLong);
    }

    /** The decoded event, or empty when its type is not part of the contract this service knows. */
    Optional<StoredEvent> decode(ConsumerRecord<String, byte[]> record, long position) throws java.io.IOException {
        Optional<String> typeName = header(record, TYPE);
        Optional<ObjectReader> reader = typeName.flatMap(name ->
                readers.computeIfAbsent(name, known -> contractType(known).map(json::readerFor)));
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> revision = header(record, REVISION);
        boolean current = upcasters.stream().noneMatch(u -> u.canUpcast(typeName.get(), revision.orElse(null)));
        // the current revision is read straight into its record; older ones go through the JSON tree once
        Object payload = current
                ? reader.get().readValue(record.value())
                : reader.get().readValue(upcast(typeName.get(), revision, json.readTree(record.value())));
        return Optional.of(new StoredEvent(
                position,
                payload,
                time(record),
                header(record, ACTOR).orElse(null),
                header(record, CORRELATION).orElse(null)));
    }

    /**
     * The event's own time, as the event store holds it (the relay copies it into a header); the record's send time
     * only for records without it.
     */
    Instant time(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(TIMESTAMP);
        return header != null && header.value() != null && header.value().length == Long.BYTES
                ? Instant.ofEpochMilli(ByteBuffer.wrap(header.value()).getLong())
                : Instant.ofEpochMilli(record.timestamp());
    }

    /** The event's type name as the record says it, for messages about it. */
    String typeName(ConsumerRecord<String, byte[]> record) {
        return header(record, TYPE).orElse("(no type)");
    }

    /** Applies the upcasters in turn, each taking the revision the previous one produced, until none applies. */
    private JsonNode upcast(String type, Optional<String> revision, JsonNode event) {
        String current = revision.orElse(null);
        JsonNode upcast = event;
        for (int step = 0; step <= upcasters.size() && upcast instanceof ObjectNode object; step++) {
            String from = current;
            Optional<EventUpcaster> next =
                    upcasters.stream().filter(u -> u.canUpcast(type, from)).findFirst();
            if (next.isEmpty()) {
                break;
            }
            upcast = next.get().upcast(object);
            current = next.get().toRevision();
        }
        return upcast;
    }

    private static Optional<Class<?>> contractType(String name) {
        if (!name.startsWith(CONTRACT_PACKAGE)) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(name, false, EventDecoder.class.getClassLoader());
            return type.isRecord() ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
