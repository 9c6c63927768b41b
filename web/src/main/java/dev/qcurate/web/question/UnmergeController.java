package dev.qcurate.web.question;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** Proposing to undo a merge: a confirmation, since it separates the two questions again once approved. */
@Controller
@RequiredArgsConstructor
class UnmergeController {

    private final QuestionClient questions;

    @GetMapping("/questions/{id}/unmerge")
    String form(@PathVariable UUID id, Model model) {
        return form(model, questions.question(id), null);
    }

    @PostMapping("/questions/{id}/unmerge")
    String unmerge(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        return ChangeForm.submit(
                id,
                null,
                () -> questions.unmerge(id),
                "Your unmerge was proposed and waits for review.",
                redirect,
                problem -> form(model, questions.question(id), problem));
    }

    private static String form(Model model, QuestionDetails question, String error) {
        model.addAttribute("question", question);
        model.addAttribute("error", error);
        return "questions/unmerge";
    }
}
