package dev.qcurate.query.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a Kafka record of the {@code qcurate.events} topic into a {@link StoredEvent}. Only types of the shared
 * contract are ever instantiated; unknown types (from newer producers) are skipped, not guessed at.
 */
@Component
class EventDecoder {

    static final String TYPE = "axon-message-type";
    static final String TIMESTAMP = "axon-message-timestamp";
    static final String ACTOR = "axon-metadata-actor";
    static final String CORRELATION = "axon-metadata-correlationId";
    static final String POSITION = "qcurate-position";

    private static final String CONTRACT_PACKAGE = "dev.qcurate.shared.";

    private final ObjectMapper json;

    EventDecoder(ObjectMapper json) {
        this.json = json;
    }

    /** The event's position, or empty for records that did not come from the event store relay. */
    Optional<Long> position(ConsumerRecord<String, byte[]> record) {
        return header(record, POSITION).map(Long::parseLong);
    }

    /** The decoded event, or empty when its type is not part of the contract this service knows. */
    Optional<StoredEvent> decode(ConsumerRecord<String, byte[]> record, long position) throws java.io.IOException {
        Optional<Class<?>> type = header(record, TYPE).flatMap(EventDecoder::contractType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Object payload = json.readValue(record.value(), type.get());
        Instant at = Optional.ofNullable(record.headers().lastHeader(TIMESTAMP))
                .map(h -> Instant.ofEpochMilli(ByteBuffer.wrap(h.value()).getLong()))
                .orElse(Instant.ofEpochMilli(record.timestamp()));
        return Optional.of(new StoredEvent(position, payload, at, header(record, ACTOR).orElse(null),
                header(record, CORRELATION).orElse(null)));
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
