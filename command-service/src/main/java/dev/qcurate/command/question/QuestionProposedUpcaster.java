package dev.qcurate.command.question;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qcurate.shared.question.QuestionProposedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * QuestionProposedEvent revision 1 → 2: events stored before {@code language} existed get
 * {@value QuestionProposedEvent#UNDETERMINED}. Registered with Axon as a Spring bean; runs whenever the event store
 * is read (aggregates loading, the Kafka relay), so those readers only ever see revision 2.
 */
@Component
@Order(0)
class QuestionProposedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = QuestionProposedEvent.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return TYPE.equals(event.getType().getName())
                && "1".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            if (payload instanceof ObjectNode object && !object.hasNonNull("language")) {
                object.put("language", QuestionProposedEvent.UNDETERMINED);
            }
            return payload;
        });
    }
}
