package dev.qcurate.web.question;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Proposing to merge this question into another: its duplicate candidates first, then any question found by text. */
@Controller
@RequiredArgsConstructor
class MergeController {

    static final int SEARCH_RESULTS = 10;

    private final QuestionClient questions;

    @GetMapping("/questions/{id}/merge")
    String form(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String targetId,
            Model model) {
        return form(model, questions.question(id), q, targetId, null);
    }

    @PostMapping("/questions/{id}/merge")
    String merge(
            @PathVariable UUID id,
            @RequestParam(required = false) String targetId,
            @RequestParam(defaultValue = "") String q,
            Model model,
            RedirectAttributes redirect) {
        UUID target = uuid(targetId);
        String problem = target == null
                ? "Choose the question to merge this one into."
                : target.equals(id) ? "A question cannot be merged into itself." : null;
        return ChangeForm.submit(
                id,
                problem,
                () -> questions.merge(id, target),
                "Your merge was proposed and waits for review.",
                redirect,
                shown -> form(model, questions.question(id), q, targetId, shown));
    }

    private String form(Model model, QuestionDetails question, String q, String targetId, String error) {
        String search = QuestionInput.firstChars(q.strip(), QuestionInput.MAX_SEARCH);
        Map<UUID, MergeOption> options = new LinkedHashMap<>();
        questions
                .duplicatesOf(question.questionId(), QuestionPageController.DUPLICATES)
                .forEach(candidate -> options.put(candidate.questionId(), MergeOption.of(candidate)));
        List<MergeOption> found = new ArrayList<>();
        if (!search.isEmpty()) {
            for (QuestionSummary summary : questions.search(search, SEARCH_RESULTS)) {
                if (!summary.questionId().equals(question.questionId()) && !options.containsKey(summary.questionId())) {
                    found.add(MergeOption.of(summary));
                }
            }
        }
        model.addAttribute("question", question);
        model.addAttribute("q", search);
        model.addAttribute("searchTrimmed", q.strip().length() > QuestionInput.MAX_SEARCH);
        model.addAttribute("candidates", List.copyOf(options.values()));
        model.addAttribute("found", found);
        model.addAttribute("targetId", targetId);
        model.addAttribute("error", error);
        return "questions/merge";
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
