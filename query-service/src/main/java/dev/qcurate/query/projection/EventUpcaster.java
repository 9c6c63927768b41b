package dev.qcurate.query.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON of an older revision of an event type into the next revision, for records that were published
 * before the change and stay on the topic for ever. {@link EventDecoder} chains them until none applies.
 */
public interface EventUpcaster {

    /** Whether this upcaster reads events of {@code type} (class name) at {@code revision}. */
    boolean canUpcast(String type, String revision);

    /** The revision {@link #upcast} produces. */
    String toRevision();

    ObjectNode upcast(ObjectNode event);
}
