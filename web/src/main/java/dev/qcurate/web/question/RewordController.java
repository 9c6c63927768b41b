package dev.qcurate.web.question;

import dev.qcurate.web.services.Refusals;
import dev.qcurate.web.services.ServiceProblem;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** Proposing a new wording, made against the revision the editor saw. */
@Controller
@RequiredArgsConstructor
class RewordController {

    private final QuestionClient questions;

    /** {@code text}: a wording typed on the propose page for this (duplicate) question, instead of a new one. */
    @GetMapping("/questions/{id}/reword")
    String form(@PathVariable UUID id, @RequestParam(required = false) String text, Model model) {
        QuestionDetails question = questions.question(id);
        return form(
                model,
                question,
                text == null || text.isBlank() ? question.text() : text,
                question.revision(),
                null,
                false);
    }

    @PostMapping("/questions/{id}/reword")
    String reword(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String baseRevision,
            Model model,
            RedirectAttributes redirect) {
        Integer base = revision(baseRevision);
        String problem = base == null
                ? "The form lost the revision it was made against; please check the text" + " and propose again."
                : QuestionInput.textProblem(text);
        if (problem == null) {
            try {
                questions.reword(id, text.strip(), base);
                redirect.addFlashAttribute("notice", "Your rewording was proposed and waits for review.");
                return "redirect:/questions/" + id;
            } catch (ServiceProblem refused) {
                problem = Refusals.messageFor(refused);
                if (refused.isConflict()) {
                    return movedOn(model, questions.question(id), text, base, problem);
                }
            }
        }
        QuestionDetails question = questions.question(id);
        return form(model, question, text, base == null ? question.revision() : base, problem, false);
    }

    /**
     * 409: the question moved on (or already reads so). The current text is shown and the next attempt is made
     * against the current revision, with the editor's wording kept.
     */
    private static String movedOn(Model model, QuestionDetails current, String text, int base, String detail) {
        String message = current.revision() != base
                ? "This question has changed since you opened it: it is now at revision " + current.revision()
                        + " (you started from revision " + base
                        + "). Its current text is shown below and your wording is"
                        + " kept; propose again if it still applies. (" + detail + ")"
                : detail;
        return form(model, current, text, current.revision(), message, true);
    }

    private static String form(
            Model model, QuestionDetails question, String text, int baseRevision, String error, boolean movedOn) {
        model.addAttribute("question", question);
        model.addAttribute("text", text);
        model.addAttribute("baseRevision", baseRevision);
        model.addAttribute("error", error);
        model.addAttribute("movedOn", movedOn);
        return "questions/reword";
    }

    private static Integer revision(String value) {
        try {
            int revision = Integer.parseInt(value.strip());
            return revision > 0 ? revision : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
