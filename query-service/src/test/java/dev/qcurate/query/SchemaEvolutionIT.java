package dev.qcurate.query;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionProposedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records published before an event type's current revision stay on the topic for ever: the query service upcasts
 * them. QuestionProposedEvent revision 1 has no {@code language}; without the upcaster it cannot be read at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchemaEvolutionIT {

    @RegisterExtension
    static final QueryServiceStack STACK = new QueryServiceStack("schema_evolution");

    @Test
    void revisionOneAndRevisionTwoRecordsAreBothProjected() {
        QuestionId old = QuestionId.random();
        ProposalId oldProposal = ProposalId.random();
        QuestionId current = QuestionId.random();
        EventTopicWriter topic = STACK.topic();
        topic.writeRaw(
                old.toString(),
                QuestionProposedEvent.class.getName(),
                "1",
                "{\"questionId\":\"" + old + "\",\"proposalId\":\"" + oldProposal + "\",\"text\":\"What was"
                        + " revision one?\",\"tags\":[\"legacy\"],\"source\":null,\"proposedBy\":\"editor\"}",
                "editor");
        topic.write(old, new QuestionAcceptedEvent(old, oldProposal), "reviewer");
        long last = topic.write(
                current,
                new QuestionProposedEvent(
                        current, ProposalId.random(), "What is revision two?", List.of(), null, "editor", "en"),
                "editor");

        Map<String, Object> upcast = STACK.question(old, last);
        assertThat(upcast).containsEntry("text", "What was revision one?").containsEntry("status", "ACTIVE");
        assertThat((List<?>) upcast.get("history")).hasSize(2);
        assertThat(STACK.question(current, last)).containsEntry("text", "What is revision two?");
    }
}
