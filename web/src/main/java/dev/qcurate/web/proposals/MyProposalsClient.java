package dev.qcurate.web.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.services.ChangeKind;
import dev.qcurate.web.services.Services;
import lombok.RequiredArgsConstructor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.qcurate.web.services.JsonValues.instant;
import static dev.qcurate.web.services.JsonValues.uuid;

/** The signed-in user's proposals, newest first, with the text of the question each is about. */
@Component
@RequiredArgsConstructor
class MyProposalsClient {

    static final int PAGE_SIZE = 50;

    private static final ParameterizedTypeReference<List<JsonNode>> ROWS = new ParameterizedTypeReference<>() {};

    private final Services services;

    /** One page (0-based) plus one row, so the page knows whether there is a next one. */
    List<MyProposal> mine(ProposalStatusFilter status, int page) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("proposer", "me");
        query.put("status", status == null ? null : status.serviceName());
        query.put("sort", "NEWEST");
        query.put("page", page);
        query.put("size", PAGE_SIZE);
        Map<UUID, String> texts = new HashMap<>();
        List<MyProposal> rows = new ArrayList<>();
        for (JsonNode row : services.query().get("/api/proposals", query, ROWS)) {
            UUID questionId = uuid(row.path("questionId"));
            JsonNode payload = row.path("payload");
            String text = payload.path("text").isTextual()
                    ? payload.path("text").asText() // new or reworded: its text
                    : questionId == null
                            ? null
                            : texts.computeIfAbsent(questionId, id -> QuestionTexts.of(services, id));
            String shown = ProposalStatusFilter.shown(row.path("status").asText());
            rows.add(new MyProposal(
                    uuid(row.path("proposalId")),
                    ChangeKind.labelOf(row.path("type").asText()),
                    questionId,
                    text,
                    shown,
                    row.path("reason").asText(null),
                    row.path("decidedBy").asText(null),
                    instant(row.path("createdAt")),
                    instant(row.path("decidedAt"))));
        }
        return rows;
    }
}
