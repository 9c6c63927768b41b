package dev.qcurate.web.question;

import dev.qcurate.web.services.ServiceDown;
import dev.qcurate.web.services.ServiceProblem;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Optional;

/** Proposing a new question, with the bank's similar questions shown while typing. */
@Controller
@RequiredArgsConstructor
class ProposeController {

    static final int SUGGESTIONS = 5;

    private final QuestionClient questions;

    @GetMapping("/questions/new")
    String form(Model model) {
        return form(model, "", "", null, Suggestions.none());
    }

    /** htmx asks while the editor types; POST too, because a long text does not fit into a URL. */
    @RequestMapping(
            path = "/questions/suggestions",
            method = {RequestMethod.GET, RequestMethod.POST})
    String suggestions(@RequestParam(defaultValue = "") String text, Model model) {
        model.addAttribute("suggestions", suggestionsFor(text));
        return "questions/new :: suggestions";
    }

    @PostMapping("/questions/new")
    String propose(
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String tags,
            Model model,
            RedirectAttributes redirect) {
        List<String> tagList = QuestionInput.tags(tags);
        String problem = Optional.ofNullable(QuestionInput.textProblem(text))
                .orElseGet(() -> QuestionInput.tagsProblem(tagList));
        return ChangeForm.submit(
                problem,
                () -> questions.propose(text.strip(), tagList),
                "Your question was proposed and waits for review.",
                redirect,
                shown -> form(model, text, tags, shown, suggestionsFor(text)));
    }

    private String form(Model model, String text, String tags, String error, Suggestions suggestions) {
        model.addAttribute("text", text);
        model.addAttribute("tags", tags);
        model.addAttribute("error", error);
        model.addAttribute("suggestions", suggestions);
        return "questions/new";
    }

    /** Hints only: when the look-up fails the editor can still propose, so only an ended session goes further. */
    private Suggestions suggestionsFor(String typed) {
        Optional<String> text = QuestionInput.suggestionText(typed);
        if (text.isEmpty()) {
            return Suggestions.none();
        }
        try {
            return Suggestions.of(questions.duplicatesOfText(text.get(), SUGGESTIONS), typed);
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            return Suggestions.failed();
        } catch (ServiceDown down) {
            return Suggestions.failed();
        }
    }
}
