package dev.qcurate.web.question;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * Proposing to return a question to an earlier revision: a confirmation that shows what the revert changes against
 * the current text and tags, then a proposal reviewed like any other.
 */
@Controller
@RequiredArgsConstructor
class RevertController {

    private final QuestionClient questions;

    @GetMapping("/questions/{id}/revert")
    String form(@PathVariable UUID id, @RequestParam(defaultValue = "0") int revision, Model model) {
        QuestionDetails question = questions.question(id);
        return form(model, question, revision, question.revision(), null);
    }

    @PostMapping("/questions/{id}/revert")
    String revert(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int toRevision,
            @RequestParam(defaultValue = "0") int baseRevision,
            Model model,
            RedirectAttributes redirect) {
        return ChangeForm.submit(
                id,
                null,
                () -> questions.revert(id, toRevision, baseRevision),
                "Your revert to revision " + toRevision + " was proposed and waits for review.",
                redirect,
                problem -> form(model, questions.question(id), toRevision, baseRevision, problem));
    }

    private static String form(Model model, QuestionDetails question, int revision, int baseRevision, String error) {
        RevertChoice choice = RevertChoice.of(question, revision);
        model.addAttribute("question", question);
        model.addAttribute("revision", revision);
        model.addAttribute("baseRevision", baseRevision);
        model.addAttribute("choice", choice);
        model.addAttribute(
                "error",
                error != null
                        ? error
                        : choice == null
                                ? "This question has no earlier revision " + revision + " to return to."
                                : null);
        return "questions/revert";
    }
}
