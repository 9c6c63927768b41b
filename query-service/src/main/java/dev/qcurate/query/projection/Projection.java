package dev.qcurate.query.projection;

/**
 * A part of the read model. Called inside the batch's transaction, once per event and in global order; events it
 * does not care about are ignored.
 */
public interface Projection {

    void apply(StoredEvent event);

    /** Empties this projection's tables, before a rebuild from the start of the topic. */
    void reset();
}
