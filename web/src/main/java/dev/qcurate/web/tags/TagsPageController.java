package dev.qcurate.web.tags;

import dev.qcurate.web.services.Refusals;
import dev.qcurate.web.services.ServiceProblem;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;

/**
 * {@code /tags}: the tags in use, most used first, with their old names; editors propose renaming one tag or merging
 * several into one. The form keeps what was typed when the service refuses it, and shows why.
 */
@Controller
@RequiredArgsConstructor
class TagsPageController {

    private final TagsClient tags;

    @GetMapping("/tags")
    String page(@RequestParam(required = false) String q, Model model) {
        return page(model, q, "", "", null);
    }

    @PostMapping("/tags/rename")
    String rename(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            Model model,
            RedirectAttributes redirect) {
        List<String> names = Arrays.stream(from.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
        String problem =
                names.isEmpty() ? "Name at least one tag to rename." : to.isBlank() ? "Give the new name." : null;
        if (problem == null) {
            try {
                tags.proposeRename(names, to.strip());
                redirect.addFlashAttribute(
                        "notice",
                        "Your " + (names.size() > 1 ? "merge" : "rename") + " of " + String.join(", ", names) + " into "
                                + to.strip() + " was proposed and waits for review.");
                return "redirect:/tags";
            } catch (ServiceProblem refused) {
                problem = Refusals.messageFor(refused);
            }
        }
        return page(model, null, from, to, problem);
    }

    private String page(Model model, String q, String from, String to, String error) {
        model.addAttribute("page", new TagsPage(tags.tags(q), q == null ? "" : q, from, to, error));
        return "tags/tags";
    }

    /** What the template needs: the tags, the search, the typed rename and the service's refusal. */
    record TagsPage(TagsClient.Tags tags, String q, String from, String to, String error) {}
}
