package dev.qcurate.web.question;

import dev.qcurate.web.duplicates.DuplicateCandidate;
import dev.qcurate.web.services.Services;
import dev.qcurate.web.services.Written;
import lombok.RequiredArgsConstructor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The questions' calls: reads on the query service, proposals on the command service. */
@Component
@RequiredArgsConstructor
class QuestionClient {

    private static final ParameterizedTypeReference<List<DuplicateCandidate>> CANDIDATES =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<PendingProposal>> PROPOSALS =
            new ParameterizedTypeReference<>() {};

    private final Services services;

    QuestionDetails question(UUID id) {
        return services.query().get("/api/questions/{id}", Map.of(), QuestionDetails.class, id);
    }

    List<DuplicateCandidate> duplicatesOf(UUID id, int limit) {
        return orEmpty(services.query().get("/api/questions/{id}/duplicates", Map.of("limit", limit), CANDIDATES, id));
    }

    /** {@code text} is already cut to the query service's limit (see {@link QuestionInput#suggestionText}). */
    List<DuplicateCandidate> duplicatesOfText(String text, int limit) {
        return orEmpty(services.query().get("/api/duplicates", Map.of("text", text, "limit", limit), CANDIDATES));
    }

    List<PendingProposal> pendingProposals(UUID id) {
        return orEmpty(
                services.query().get("/api/proposals", Map.of("questionId", id, "status", "PENDING"), PROPOSALS));
    }

    List<QuestionSummary> search(String text, int size) {
        QuestionSummary.Results results =
                services.query().get("/api/questions", Map.of("q", text, "size", size), QuestionSummary.Results.class);
        return results == null ? List.of() : results.items();
    }

    /** The new question's id. */
    UUID propose(String text, List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("tags", tags);
        Written written = services.command().post("/api/questions", body);
        return UUID.fromString(written.text("questionId"));
    }

    void reword(UUID id, String text, int baseRevision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("baseRevision", baseRevision);
        services.command().post("/api/questions/{id}/rewordings", body, id);
    }

    void changeTags(UUID id, List<String> add, List<String> remove) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("add", add);
        body.put("remove", remove);
        services.command().post("/api/questions/{id}/tags", body, id);
    }

    void merge(UUID source, UUID target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceId", source);
        body.put("targetId", target);
        services.command().post("/api/merges", body);
    }

    void retire(UUID id, String reason) {
        services.command().post("/api/questions/{id}/retirement", Map.of("reason", reason), id);
    }

    void revert(UUID id, int toRevision, int baseRevision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toRevision", toRevision);
        body.put("baseRevision", baseRevision);
        services.command().post("/api/questions/{id}/reverts", body, id);
    }

    void unmerge(UUID id) {
        services.command().post("/api/questions/{id}/unmerge", Map.of(), id);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
