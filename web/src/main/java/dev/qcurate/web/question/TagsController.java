package dev.qcurate.web.question;

import dev.qcurate.web.diff.TagChange;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/** Changing a question's tags: the editor edits the list, the web works out what is added and removed. */
@Controller
@RequiredArgsConstructor
class TagsController {

    private final QuestionClient questions;

    @GetMapping("/questions/{id}/tags")
    String form(@PathVariable UUID id, Model model) {
        QuestionDetails question = questions.question(id);
        return form(model, question, String.join(", ", question.tags()), null);
    }

    /** The +/− chips for what is typed so far (htmx, while typing). */
    @GetMapping("/questions/{id}/tags/preview")
    String preview(@PathVariable UUID id, @RequestParam(defaultValue = "") String tags, Model model) {
        model.addAttribute("change", change(questions.question(id), tags));
        return "questions/tags :: change";
    }

    /** {@code preview} set: the "Preview" button without JavaScript, nothing is sent. */
    @PostMapping("/questions/{id}/tags")
    String change(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String tags,
            @RequestParam(required = false) String preview,
            Model model,
            RedirectAttributes redirect) {
        QuestionDetails question = questions.question(id);
        if (preview != null) {
            return form(model, question, tags, null);
        }
        TagChange change = change(question, tags);
        String problem = QuestionInput.tagsProblem(QuestionInput.tags(tags));
        if (problem == null && change.unchanged()) {
            problem = "The tags are the same as before: there is no change to propose.";
        }
        return ChangeForm.submit(
                id,
                problem,
                () -> questions.changeTags(id, change.added(), change.removed()),
                "Your tag change was proposed and waits for review.",
                redirect,
                shown -> form(model, question, tags, shown));
    }

    private static TagChange change(QuestionDetails question, String typed) {
        List<String> now = QuestionInput.normalisedTags(QuestionInput.tags(typed));
        return TagChange.of(QuestionInput.normalisedTags(question.tags()), now);
    }

    private static String form(Model model, QuestionDetails question, String tags, String error) {
        model.addAttribute("question", question);
        model.addAttribute("tags", tags);
        model.addAttribute("change", change(question, tags));
        model.addAttribute("error", error);
        return "questions/tags";
    }
}
