package dev.qcurate.query.question;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qcurate.query.projection.EventUpcaster;
import dev.qcurate.shared.question.QuestionProposedEvent;
import org.springframework.stereotype.Component;

/** QuestionProposedEvent revision 1 → 2 on the topic: no {@code language} yet, so it is undetermined. */
@Component
class QuestionProposedUpcaster implements EventUpcaster {

    @Override
    public boolean canUpcast(String type, String revision) {
        return QuestionProposedEvent.class.getName().equals(type) && "1".equals(revision);
    }

    @Override
    public String toRevision() {
        return "2";
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
        if (!event.hasNonNull("language")) {
            event.put("language", QuestionProposedEvent.UNDETERMINED);
        }
        return event;
    }
}
