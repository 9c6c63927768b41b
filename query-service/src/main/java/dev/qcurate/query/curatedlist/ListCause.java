package dev.qcurate.query.curatedlist;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.proposal.ProposalId;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.UUID;

/** Why a list version was made: the first event of the change, with its proposal, actor, time and position. */
record ListCause(String type, UUID proposalId, String actor, Instant at, long position) {

    static ListCause of(StoredEvent event) {
        return new ListCause(
                event.payload().getClass().getSimpleName(),
                proposalOf(event.payload()),
                event.actor(),
                event.at(),
                event.position());
    }

    /** The proposal that caused the event, for events that carry one. */
    static UUID proposalOf(Object payload) {
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals("proposalId")) {
                try {
                    Object value = component.getAccessor().invoke(payload);
                    return value instanceof ProposalId id ? id.value() : null;
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
