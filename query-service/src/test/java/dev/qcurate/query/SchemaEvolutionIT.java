package dev.qcurate.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.devstack.TestInfrastructure;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionProposedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records published before an event type's current revision stay on the topic for ever: the query service upcasts
 * them. QuestionProposedEvent revision 1 has no {@code language}; without the upcaster it cannot be read at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchemaEvolutionIT {

    private static final String TOPIC = QueryServiceStack.topic("schema_evolution");
    private static final TestTokens TOKENS = QueryServiceStack.tokens();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        QueryServiceStack.register(registry, "schema_evolution", TOKENS);
    }

    @AfterAll
    static void stopTokens() throws Exception {
        TOKENS.close();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Test
    void revisionOneAndRevisionTwoRecordsAreBothProjected() {
        QuestionId old = QuestionId.random();
        ProposalId oldProposal = ProposalId.random();
        QuestionId current = QuestionId.random();
        try (var topic = new EventTopicWriter(TestInfrastructure.kafka().bootstrapServers(), TOPIC, json)) {
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

            Map<String, Object> upcast = read(old, last);
            assertThat(upcast).containsEntry("text", "What was revision one?").containsEntry("status", "ACTIVE");
            assertThat((List<?>) upcast.get("history")).hasSize(2);
            assertThat(read(current, last)).containsEntry("text", "What is revision two?");
        }
    }

    private Map<String, Object> read(QuestionId question, long position) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.token("reader", "READER"));
        ResponseEntity<Map> answer = http.exchange(
                "/api/questions/" + question + "?minPosition=" + position,
                HttpMethod.GET,
                new HttpEntity<>(headers),
                Map.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}
