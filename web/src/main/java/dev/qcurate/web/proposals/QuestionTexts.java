package dev.qcurate.web.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.services.Services;

import java.util.UUID;

/** The current text of the question a proposal is about; null when the question is gone (404). */
final class QuestionTexts {

    private QuestionTexts() {}

    static String of(Services services, UUID questionId) {
        return services.query()
                .find("/api/questions/{id}", JsonNode.class, questionId)
                .map(question -> question.path("text").asText(null))
                .orElse(null);
    }
}
