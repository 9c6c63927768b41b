package dev.qcurate.query.question;

import dev.qcurate.shared.question.QuestionStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/** Question detail (with history, aliases and provenance) and search. */
@RestController
@Validated
@RequiredArgsConstructor
class QuestionQueryController {

    private final QuestionQueries questions;

    @GetMapping("/api/questions/{id}")
    QuestionView question(@PathVariable UUID id) {
        return questions
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no question " + id));
    }

    @GetMapping("/api/questions")
    QuestionQueries.Page<QuestionView.Summary> search(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 40) String tag,
            @RequestParam(required = false) QuestionStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return questions.search(q, tag, status == null ? null : status.name(), page, size);
    }
}
