package dev.qcurate.web.lists;

import dev.qcurate.web.services.ServiceProblem;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** All lists, and the editors' form for a new one. */
@Controller
@RequiredArgsConstructor
class ListIndexController {

    private final ListsClient lists;

    /** What an editor typed into "New list". */
    record NewListForm(String name, String title, String description) {

        static NewListForm empty() {
            return new NewListForm("", "", "");
        }
    }

    @GetMapping("/lists")
    String index(Model model) {
        return page(model, NewListForm.empty(), null);
    }

    @PostMapping("/lists")
    String create(
            @ModelAttribute NewListForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            response.setStatus(400);
            return page(model, form, "Give the list a name.");
        }
        String title = form.title() == null || form.title().isBlank()
                ? name
                : form.title().strip();
        try {
            UUID listId = lists.create(name, title, form.description());
            redirect.addFlashAttribute("notice", "Created the list “" + title + "”.");
            return "redirect:/lists/" + listId;
        } catch (ServiceProblem problem) {
            if (!ListPageController.shownInForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status());
            return page(model, form, problem.detail());
        }
    }

    private String page(Model model, NewListForm form, String error) {
        model.addAttribute("lists", lists.all());
        model.addAttribute("newList", form);
        model.addAttribute("newListError", error);
        return "lists/index";
    }
}
