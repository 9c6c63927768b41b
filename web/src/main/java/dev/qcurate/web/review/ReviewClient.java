package dev.qcurate.web.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.duplicates.DuplicateCandidate;
import dev.qcurate.web.services.ServiceProblem;
import dev.qcurate.web.services.Services;
import dev.qcurate.web.services.Written;
import lombok.RequiredArgsConstructor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

/** The review queue's calls: pending proposals and their questions (query service), decisions (command service). */
@Component
@RequiredArgsConstructor
class ReviewClient {

    static final int PAGE_SIZE = 20;
    /** How far down a merge source's candidates the target is looked for to show their score. */
    private static final int MERGE_CANDIDATES = 50;

    private static final int MAX_PROBE = 200;

    private static final ParameterizedTypeReference<List<Proposal>> PROPOSALS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<DuplicateCandidate>> CANDIDATES =
            new ParameterizedTypeReference<>() {};

    private final Services services;

    List<Proposal> pending(ReviewFilter filter) {
        Map<String, Object> query = filter.serviceQuery(true);
        query.put("page", filter.page() - 1);
        query.put("size", PAGE_SIZE);
        return services.query().get("/api/proposals", query, PROPOSALS);
    }

    /** Counts for every kind under the other filters, so the kind filter can show what each choice holds. */
    ProposalCounts counts(ReviewFilter filter) {
        return services.query().get("/api/proposals/counts", filter.serviceQuery(false), ProposalCounts.class);
    }

    long allPending() {
        return services.query()
                .get("/api/proposals/counts", Map.of("status", "PENDING"), ProposalCounts.class)
                .total();
    }

    /** Questions looked up once per page, however many items are about them. */
    ReviewItems.Lookup lookup() {
        Map<UUID, Question> questions = new HashMap<>();
        return new ReviewItems.Lookup() {
            @Override
            public Question question(UUID id) {
                return questions.computeIfAbsent(id, ReviewClient.this::question);
            }

            @Override
            public List<DuplicateCandidate> candidates(String text) {
                if (text.isBlank()) {
                    return List.of();
                }
                // the index refuses texts over 200 characters; the start of a question is what it is about
                String probe = text.length() > MAX_PROBE ? text.substring(0, MAX_PROBE) : text;
                try {
                    return services.query().get("/api/duplicates", Map.of("text", probe, "limit", 5), CANDIDATES);
                } catch (ServiceProblem problem) {
                    if (problem.status() == 503 || problem.status() == 401) {
                        throw problem;
                    }
                    return List.of(); // candidates are a hint; the item is shown without them
                }
            }

            @Override
            public OptionalDouble similarity(UUID source, UUID target) {
                List<DuplicateCandidate> candidates;
                try {
                    candidates = services.query()
                            .get(
                                    "/api/questions/{id}/duplicates",
                                    Map.of("limit", MERGE_CANDIDATES),
                                    CANDIDATES,
                                    source);
                } catch (ServiceProblem problem) {
                    if (problem.status() == 503 || problem.status() == 401) {
                        throw problem;
                    }
                    return OptionalDouble.empty(); // the score is a hint; the merge is shown without it
                }
                return candidates.stream()
                        .filter(c -> target.equals(c.questionId()))
                        .mapToDouble(DuplicateCandidate::score)
                        .findFirst();
            }
        };
    }

    private Question question(UUID id) {
        return services.query().find("/api/questions/{id}", Question.class, id).orElse(null);
    }

    /** {@code {"outcome": APPLIED | RECORDED, "detail"}}; stale is a 409 {@link ServiceProblem}. */
    Written approve(UUID proposalId) {
        return services.command().post("/api/proposals/{id}/approval", Map.of(), proposalId);
    }

    Written reject(UUID proposalId, String reason) {
        return services.command().post("/api/proposals/{id}/rejection", Map.of("reason", reason), proposalId);
    }

    /** Each proposal's outcome: approved, or failed with the service's reason. */
    Map<UUID, String> approveAll(List<UUID> proposalIds) {
        JsonNode answer = services.command()
                .post("/api/proposals/approval", Map.of("proposalIds", proposalIds))
                .body();
        Map<UUID, String> failures = new LinkedHashMap<>();
        answer.path("failed")
                .forEach(failure -> failures.put(
                        UUID.fromString(failure.path("proposalId").asText()),
                        failure.path("reason").asText("failed")));
        return failures;
    }
}
