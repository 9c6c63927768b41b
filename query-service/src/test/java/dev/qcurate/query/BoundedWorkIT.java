package dev.qcurate.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.devstack.TestInfrastructure;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import dev.qcurate.shared.proposal.ProposedChange;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work one request may cause is capped: live duplicate lookups per review-queue page, and batch duplicate checks
 * at once per instance (set to 1 and 0 here, so the caps are reached without a load).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qcurate.proposals.max-live-lookups=1", "qcurate.duplicates.max-concurrent-batches=0"})
class BoundedWorkIT {

    private static final String NAME = "bounded_work";
    private static final TestTokens TOKENS = QueryServiceStack.tokens();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        QueryServiceStack.register(registry, NAME, TOKENS);
    }

    @AfterAll
    static void close() throws Exception {
        TOKENS.close();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Test
    void aPageMakesAtMostTheCappedLiveLookupsAndSaysHowManyItLeftOut() {
        long last = 0;
        try (EventTopicWriter topic = new EventTopicWriter(
                TestInfrastructure.kafka().bootstrapServers(), QueryServiceStack.topic(NAME), json)) {
            for (String text : List.of("What is a Python decorator?", "How does a Python decorator work?")) {
                QuestionId question = QuestionId.random();
                ProposalId proposal = ProposalId.random();
                topic.write(
                        question,
                        new QuestionProposedEvent(question, proposal, text, List.of(), null, "editor"),
                        "editor");
                last = topic.write(
                        proposal,
                        new ProposalSubmittedEvent(
                                proposal,
                                new ProposedChange.NewQuestion(question, text, List.of(), null, null),
                                "editor",
                                1,
                                List.of()),
                        "editor");
            }
        }

        ResponseEntity<List> page = http.exchange(
                "/api/proposals?status=PENDING&type=NEW_QUESTION&minPosition=" + last,
                HttpMethod.GET,
                new HttpEntity<>(bearer("REVIEWER")),
                List.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).hasSize(2);
        assertThat(page.getHeaders().getFirst("X-Qcurate-Candidates-Skipped")).isEqualTo("1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> proposals = page.getBody();
        assertThat(proposals)
                .filteredOn(p -> ((List<?>) p.get("duplicateCandidates")).isEmpty())
                .hasSize(1);
        assertThat(proposals)
                .filteredOn(p -> !((List<?>) p.get("duplicateCandidates")).isEmpty())
                .hasSize(1);
    }

    @Test
    void aBatchCheckBeyondTheConcurrentCapIsAnswered503WithRetryAfter() {
        Map<String, Object> body = Map.of("items", List.of(Map.of("id", UUID.randomUUID(), "text", "list vs tuple?")));

        ResponseEntity<Map> answer = http.exchange(
                "/api/duplicates/batch", HttpMethod.POST, new HttpEntity<>(body, bearer("EDITOR")), Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(answer.getBody()).containsEntry("title", "Too busy");
    }

    private static HttpHeaders bearer(String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TOKENS.token(role.toLowerCase(), role));
        return headers;
    }
}
