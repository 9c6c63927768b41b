package dev.qcurate.shared;

/**
 * The headers of every record on the {@code qcurate.events} topic, part of the contract like the events themselves:
 * the event's type, revision and time, and its actor and correlation id, as Axon's Kafka extension writes them, and
 * its position in the event store, which the command service's relay adds and consumers apply each event by once.
 */
public final class TopicHeaders {

    public static final String TYPE = "axon-message-type";
    public static final String REVISION = "axon-message-revision";
    public static final String TIMESTAMP = "axon-message-timestamp";
    public static final String ACTOR = "axon-metadata-actor";
    public static final String CORRELATION = "axon-metadata-correlationId";
    /** The event's global index in the event store, as a decimal string: the consistency token of the API. */
    public static final String POSITION = "qcurate-position";

    private TopicHeaders() {}
}
