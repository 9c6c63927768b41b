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

/** Proposing to retire a question, with a required reason. */
@Controller
@RequiredArgsConstructor
class RetireController {

    private final QuestionClient questions;

    @GetMapping("/questions/{id}/retire")
    String form(@PathVariable UUID id, Model model) {
        return form(model, questions.question(id), "", null);
    }

    @PostMapping("/questions/{id}/retire")
    String retire(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            RedirectAttributes redirect) {
        return ChangeForm.submit(
                id,
                QuestionInput.reasonProblem(reason),
                () -> questions.retire(id, reason.strip()),
                "Your retirement was proposed and waits for review.",
                redirect,
                problem -> form(model, questions.question(id), reason, problem));
    }

    private static String form(Model model, QuestionDetails question, String reason, String error) {
        model.addAttribute("question", question);
        model.addAttribute("reason", reason);
        model.addAttribute("error", error);
        return "questions/retire";
    }
}
