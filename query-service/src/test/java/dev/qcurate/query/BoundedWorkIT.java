package dev.qcurate.query;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

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

    @RegisterExtension
    static final QueryServiceStack STACK = new QueryServiceStack("bounded_work");

    @Test
    void aPageMakesAtMostTheCappedLiveLookupsAndSaysHowManyItLeftOut() {
        long last = 0;
        for (String text : List.of("What is a Python decorator?", "How does a Python decorator work?")) {
            last = STACK.topic()
                    .submittedNew(QuestionId.random(), ProposalId.random(), text, List.of(), null, "editor");
        }

        // the page's live lookups search the duplicate index, which may follow the read model a moment later
        STACK.ok("/api/duplicates?text=decorator&minPosition=" + last, "REVIEWER", List.class);
        ResponseEntity<List> page = STACK.get(
                "/api/proposals?status=PENDING&type=NEW_QUESTION&minPosition=" + last, "REVIEWER", List.class);

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

        ResponseEntity<Map> answer = STACK.post("/api/duplicates/batch", body, "EDITOR", Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(answer.getBody()).containsEntry("title", "Too busy");
    }
}
