package dev.qcurate.web.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.duplicates.DuplicateCandidate;
import dev.qcurate.web.services.JsonValues;
import dev.qcurate.web.services.Services;
import lombok.RequiredArgsConstructor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code POST /api/imports} on the command service, and the import's proposals on the query service. */
@Component
@RequiredArgsConstructor
class ImportClient {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");
    private static final ParameterizedTypeReference<List<JsonNode>> ROWS = new ParameterizedTypeReference<>() {};
    private static final int PAGE_SIZE = 1000;
    /** An import has at most 10,000 numbered entries. */
    private static final int MAX_PAGES = 10;

    private final Services services;

    /** Imports the document; the answer names the import (for a repeat: the first import of the same content). */
    Uploaded run(String source, String listName, byte[] document) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("source", source);
        query.put("list", listName);
        JsonNode body = services.command()
                .postDocument("/api/imports", query, MARKDOWN, document)
                .body();
        return new Uploaded(
                UUID.fromString(body.path("importId").asText()),
                body.path("alreadyImported").asBoolean(false));
    }

    record Uploaded(UUID importId, boolean alreadyImported) {}

    /**
     * What the import did ({@code GET /api/imports/{id}} on the command service, kept there): the outcome page can
     * be reloaded and its link shared with reviewers.
     */
    ImportOutcome outcome(UUID importId, boolean uploadedAgain) {
        JsonNode body = services.command().get("/api/imports/{id}", Map.of(), JsonNode.class, importId);
        List<ImportOutcome.RejectedLine> rejected = new ArrayList<>();
        body.path("rejected")
                .forEach(line -> rejected.add(new ImportOutcome.RejectedLine(
                        line.path("line").asInt(),
                        line.path("text").asText(),
                        line.path("reason").asText())));
        List<UUID> proposals = new ArrayList<>();
        body.path("proposalIds").forEach(id -> proposals.add(UUID.fromString(id.asText())));
        UUID listId = UUID.fromString(body.path("listId").asText());
        return new ImportOutcome(
                importId,
                listId,
                body.path("list").asText(listId.toString()),
                body.path("source").asText(),
                body.path("proposed").asInt(),
                body.path("duplicatesFlagged").asInt(),
                List.copyOf(rejected),
                List.copyOf(proposals),
                uploadedAgain,
                JsonValues.instant(body.path("importedAt")));
    }

    /** The import's proposals that are flagged as likely duplicates, in document order (the queue's order). */
    List<FlaggedItem> flagged(ImportOutcome outcome) {
        List<FlaggedItem> flagged = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("importId", outcome.importId());
            query.put("type", "NEW_QUESTION");
            query.put("page", page);
            query.put("size", PAGE_SIZE);
            List<JsonNode> rows = services.query().get("/api/proposals", query, ROWS);
            rows.stream()
                    .filter(row -> row.path("likelyDuplicate").asBoolean())
                    .map(ImportClient::item)
                    .forEach(flagged::add);
            if (rows.size() < PAGE_SIZE) {
                break;
            }
        }
        flagged.sort((a, b) -> Integer.compare(a.line() == null ? 0 : a.line(), b.line() == null ? 0 : b.line()));
        return flagged;
    }

    private static FlaggedItem item(JsonNode row) {
        JsonNode payload = row.path("payload");
        List<DuplicateCandidate> candidates = new ArrayList<>();
        for (JsonNode candidate : row.path("duplicateCandidates")) {
            candidates.add(new DuplicateCandidate(
                    UUID.fromString(candidate.path("questionId").asText()),
                    candidate.path("text").asText(),
                    candidate.path("score").asDouble(),
                    candidate.path("likelyDuplicate").asBoolean()));
        }
        JsonNode line = payload.path("source").path("line");
        return new FlaggedItem(
                UUID.fromString(row.path("proposalId").asText()),
                row.hasNonNull("questionId")
                        ? UUID.fromString(row.path("questionId").asText())
                        : null,
                payload.path("text").asText(),
                line.canConvertToInt() ? line.asInt() : null,
                row.path("status").asText(),
                candidates);
    }
}
