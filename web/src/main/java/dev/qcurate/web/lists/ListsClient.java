package dev.qcurate.web.lists;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.services.Download;
import dev.qcurate.web.services.Services;
import dev.qcurate.web.services.Written;
import lombok.RequiredArgsConstructor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The list endpoints of both services, called with the signed-in user's token. */
@Component
@RequiredArgsConstructor
class ListsClient {

    private static final ParameterizedTypeReference<List<ListSummary>> SUMMARIES =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<ListVersion>> VERSIONS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<ListRelease>> RELEASES = new ParameterizedTypeReference<>() {};

    private final Services services;

    List<ListSummary> all() {
        return services.query().get("/api/lists", Map.of(), SUMMARIES);
    }

    ListContent content(UUID listId, ListSelector selector) {
        return services.query().get("/api/lists/{id}", selector.query(), ListContent.class, listId);
    }

    List<ListVersion> versions(UUID listId) {
        return services.query().get("/api/lists/{id}/versions", Map.of(), VERSIONS, listId);
    }

    List<ListRelease> releases(UUID listId) {
        return services.query().get("/api/lists/{id}/releases", Map.of(), RELEASES, listId);
    }

    ListDiff diff(UUID listId, int from, int to) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("from", from);
        query.put("to", to);
        return services.query().get("/api/lists/{id}/diff", query, ListDiff.class, listId);
    }

    /** The service's file of one version ({@code version} null: the latest). */
    Download export(UUID listId, String format, Integer version) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("format", format);
        query.put("version", version);
        return services.query().download("/api/lists/{id}/export", query, listId);
    }

    /** Active questions matching {@code text}, for proposing one of them for a list. */
    List<QuestionHit> search(String text) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", text);
        query.put("status", "ACTIVE");
        query.put("size", 20);
        JsonNode page = services.query().get("/api/questions", query, JsonNode.class);
        List<QuestionHit> hits = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(tag -> tags.add(tag.asText()));
            hits.add(new QuestionHit(
                    UUID.fromString(item.path("questionId").asText()),
                    item.path("text").asText(),
                    item.path("status").asText(),
                    tags));
        }
        return hits;
    }

    /** 201 {@code {listId, position}}. */
    UUID create(String name, String title, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("title", title);
        if (description != null && !description.isBlank()) {
            body.put("description", description);
        }
        Written written = services.command().post("/api/lists", body);
        return UUID.fromString(written.text("listId"));
    }

    Written publish(UUID listId, String label, int version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", label);
        body.put("version", version);
        return services.command().post("/api/lists/{id}/releases", body, listId);
    }

    Written proposeAdding(UUID listId, UUID questionId) {
        return services.command().post("/api/lists/{id}/entries", Map.of("questionId", questionId), listId);
    }

    Written proposeRemoving(UUID listId, UUID questionId) {
        return services.command().delete("/api/lists/{id}/entries/{questionId}", listId, questionId);
    }
}
