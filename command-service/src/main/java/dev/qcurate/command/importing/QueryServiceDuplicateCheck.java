package dev.qcurate.command.importing;

import dev.qcurate.shared.proposal.DuplicateCandidate;
import dev.qcurate.shared.question.QuestionId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Asks the query service ({@code POST /api/duplicates/batch}), which holds the duplicate index, on behalf of the
 * importing user: their bearer token is forwarded, so the query service applies its own role rules.
 */
@Component
class QueryServiceDuplicateCheck implements DuplicateCheck {

    static final int CANDIDATES_PER_ITEM = 5;

    private final RestClient http;
    private final JdbcTemplate jdbc;

    QueryServiceDuplicateCheck(
            RestClient.Builder builder,
            @Value("${qcurate.query-service-url}") String baseUrl,
            @Value("${qcurate.import.duplicate-check-timeout:PT60S}") Duration timeout,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(3));
        requests.setReadTimeout(timeout);
        this.http = builder.baseUrl(baseUrl).requestFactory(requests).build();
    }

    record Request(List<RequestItem> items, int limit) {}

    record RequestItem(UUID id, String text) {}

    record Answer(List<AnswerItem> items) {}

    record AnswerItem(UUID id, List<AnswerCandidate> candidates) {}

    record AnswerCandidate(UUID questionId, String text, double score, boolean likelyDuplicate) {}

    @Override
    public Map<QuestionId, Candidates> check(List<Item> items) {
        Request request = new Request(
                items.stream()
                        .map(item -> new RequestItem(item.id().value(), item.text()))
                        .toList(),
                CANDIDATES_PER_ITEM);
        Answer answer;
        try {
            answer = http.post()
                    .uri("/api/duplicates/batch?minPosition={head}", eventStoreHead())
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(headers -> bearerToken().ifPresent(headers::setBearerAuth))
                    .body(request)
                    .retrieve()
                    .body(Answer.class);
        } catch (RestClientException e) {
            throw new DuplicateCheckUnavailableException(
                    "the query service cannot check the document for duplicates (" + e.getMessage() + ")", e);
        }
        if (answer == null || answer.items() == null) {
            throw new DuplicateCheckUnavailableException("the query service gave no duplicate check answer", null);
        }
        Map<QuestionId, Candidates> byItem = new HashMap<>();
        for (AnswerItem item : answer.items()) {
            List<AnswerCandidate> found = item.candidates() == null ? List.of() : item.candidates();
            byItem.put(
                    QuestionId.of(item.id()),
                    new Candidates(
                            found.stream()
                                    .map(c ->
                                            new DuplicateCandidate(QuestionId.of(c.questionId()), c.text(), c.score()))
                                    .toList(),
                            found.stream().anyMatch(AnswerCandidate::likelyDuplicate)));
        }
        return byItem;
    }

    private long eventStoreHead() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private static java.util.Optional<String> bearerToken() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return java.util.Optional.of(jwt.getToken().getTokenValue());
        }
        return java.util.Optional.empty();
    }
}
