package dev.qcurate.web.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.diff.TagChange;
import dev.qcurate.web.diff.WordDiff;
import dev.qcurate.web.markdown.Markdown;
import dev.qcurate.web.services.ChangeKind;
import dev.qcurate.web.services.Services;
import dev.qcurate.web.services.SignedInUser;
import dev.qcurate.web.services.Written;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.qcurate.web.services.JsonValues.strings;
import static dev.qcurate.web.services.JsonValues.uuid;

/** A proposal with its conversation and amendments (query service), and what can be done to it (command service). */
@Component
@RequiredArgsConstructor
class ProposalPageClient {

    private static final String NEW_QUESTION = "NEW_QUESTION";

    private final Services services;

    ProposalPage page(UUID id, SignedInUser user) {
        JsonNode detail = services.query().get("/api/proposals/{id}", Map.of(), JsonNode.class, id);
        JsonNode proposal = detail.path("proposal");
        JsonNode payload = proposal.path("payload");
        String kind = payload.path("kind").asText();
        UUID questionId = uuid(proposal.path("questionId"));
        JsonNode claim = proposal.path("claim");
        List<ProposalPage.Entry> conversation = new ArrayList<>();
        detail.path("conversation")
                .forEach(entry -> conversation.add(new ProposalPage.Entry(
                        "CHANGES_REQUESTED".equals(entry.path("kind").asText()),
                                entry.path("author").asText(),
                        Markdown.toHtml(entry.path("text").asText()),
                                Instant.parse(entry.path("at").asText()))));
        List<ProposalPage.Amendment> amendments = new ArrayList<>();
        detail.path("revisions").forEach(revision -> amendments.add(amendment(revision)));
        return new ProposalPage(
                id,
                ChangeKind.labelOf(proposal.path("type").asText()),
                proposal.path("status").asText(),
                proposal.path("proposer").asText(),
                questionId,
                questionId == null ? null : QuestionTexts.of(services, questionId),
                "REWORDING".equals(kind) || NEW_QUESTION.equals(kind)
                        ? payload.path("text").asText()
                        : null,
                strings(payload.path("add")),
                strings(payload.path("remove")),
                proposal.path("revision").asInt(1),
                claim.isObject()
                        ? new ProposalPage.Claim(
                                claim.path("holder").asText(),
                                Instant.parse(claim.path("expiresAt").asText()))
                        : null,
                conversation,
                amendments,
                user.canReview(),
                user.username().equals(proposal.path("proposer").asText()),
                NEW_QUESTION.equals(kind),
                "REWORDING".equals(kind) || "TAG_CHANGE".equals(kind) || NEW_QUESTION.equals(kind),
                proposal.path("decidedBy").asText(null),
                proposal.path("reason").asText(null));
    }

    Written claim(UUID id, boolean takeOver) {
        return services.command().post("/api/proposals/{id}/claim", Map.of("takeOver", takeOver), id);
    }

    Written release(UUID id) {
        return services.command().delete("/api/proposals/{id}/claim", id);
    }

    Written comment(UUID id, String text) {
        return services.command().post("/api/proposals/{id}/comments", Map.of("text", text), id);
    }

    Written requestChanges(UUID id, String comment) {
        return services.command().post("/api/proposals/{id}/change-request", Map.of("comment", comment), id);
    }

    /** A rewording is amended with {@code text}, a tag change with {@code add}/{@code remove}, a new question with any. */
    Written amend(UUID id, String text, List<String> add, List<String> remove) {
        Map<String, Object> body = new HashMap<>();
        if (text != null) {
            body.put("text", text);
        }
        if (!add.isEmpty() || !remove.isEmpty() || text == null) {
            body.put("add", add);
            body.put("remove", remove);
        }
        return services.command().post("/api/proposals/{id}/amendments", body, id);
    }

    private static ProposalPage.Amendment amendment(JsonNode revision) {
        JsonNode before = revision.path("previous");
        JsonNode after = revision.path("change");
        boolean text = after.path("text").isTextual();
        boolean tags = after.path("tags").isArray(); // a new question carries its whole text and tags
        boolean tagChange = !text && !tags;
        return new ProposalPage.Amendment(
                revision.path("revision").asInt(),
                revision.path("amendedBy").asText(),
                Instant.parse(revision.path("at").asText()),
                text
                        ? WordDiff.of(
                                before.path("text").asText(), after.path("text").asText())
                        : null,
                tags ? TagChange.of(strings(before.path("tags")), strings(after.path("tags"))) : null,
                tagChange ? TagChange.of(strings(before.path("add")), strings(after.path("add"))) : null,
                tagChange ? TagChange.of(strings(before.path("remove")), strings(after.path("remove"))) : null);
    }
}
