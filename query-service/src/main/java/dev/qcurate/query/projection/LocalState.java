package dev.qcurate.query.projection;

import java.util.List;

/**
 * In-memory state of one query instance derived from the read model (the duplicate index, the list cache). Every
 * instance keeps its own, fed by its {@link TopicTail}, whichever instance projects into the shared read model. Both
 * methods run on the tail's thread inside a read-only snapshot transaction of the read model.
 */
public interface LocalState {

    /** Builds the state anew from the read model: at start-up, and when the read model was emptied or replaced. */
    void reload();

    /** The events of one tail batch, in topic order, once the read model has applied every one of them. */
    void apply(List<StoredEvent> events);
}
