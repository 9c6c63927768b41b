package dev.qcurate.web.lists;

import dev.qcurate.web.services.Download;
import dev.qcurate.web.services.ServiceProblem;
import dev.qcurate.web.services.SignedInUser;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One list at the version asked for, its downloads, and what may be done to it: reviewers publish a release of the
 * shown version, editors propose adding or removing a question (proposals, decided in the review queue).
 */
@Controller
@RequiredArgsConstructor
class ListPageController {

    private static final Map<String, String> EXTENSIONS = Map.of("markdown", "md", "csv", "csv", "json", "json");
    private static final int MAX_NOTICE_TEXT = 120;

    private final ListPages pages;
    private final ListsClient lists;

    /** A service's refusal the form shows itself; 401 (sign in again) and outages go to the page-level handler. */
    static boolean shownInForm(ServiceProblem problem) {
        return problem.status() != 401 && problem.status() < 500;
    }

    @GetMapping("/lists/{id}")
    String show(
            @PathVariable String id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String release,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String q,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        UUID listId = ListIds.list(id);
        return render(model, user, listId, ListSelector.parse(version, release, asOf), q);
    }

    @GetMapping("/lists/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable String id,
            @RequestParam(defaultValue = "markdown") String format,
            @RequestParam(required = false) String version) {
        UUID listId = ListIds.list(id);
        String chosen = format.strip().toLowerCase(Locale.ROOT);
        if (!EXTENSIONS.containsKey(chosen)) {
            throw new ServiceProblem(
                    400,
                    "Lists can be downloaded as markdown, csv or json, not “"
                            + (format.length() > 20 ? format.substring(0, 20) + "…" : format) + "”.",
                    null);
        }
        Integer number = version == null || version.isBlank() ? null : ListSelector.versionNumber(version, "version");
        Download file = lists.export(listId, chosen, number);
        String disposition = file.contentDisposition() != null
                ? file.contentDisposition()
                : ContentDisposition.attachment()
                        .filename(
                                "list-" + listId + (number == null ? "" : "-v" + number) + "." + EXTENSIONS.get(chosen))
                        .build()
                        .toString(); // ASCII: the id and the version
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .body(file.bytes());
    }

    @PostMapping("/lists/{id}/releases")
    String publish(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String label,
            @RequestParam String version,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID listId = ListIds.list(id);
        int number = ListSelector.versionNumber(version, "version");
        String typed = label.strip();
        String refused = typed.isEmpty()
                ? "Give the release a label, for example 2024.1."
                : typed.length() > ListSelector.MAX_RELEASE_LENGTH
                        ? "A release label has at most " + ListSelector.MAX_RELEASE_LENGTH + " characters."
                        : null;
        if (refused == null) {
            try {
                lists.publish(listId, typed, number);
                redirect.addFlashAttribute("notice", "Published release " + typed + " of version " + number + ".");
                return "redirect:"
                        + UriComponentsBuilder.fromPath("/lists/{id}")
                                .queryParam("release", "{label}")
                                .encode()
                                .buildAndExpand(listId, typed)
                                .toUriString();
            } catch (ServiceProblem problem) {
                if (!shownInForm(problem)) {
                    throw problem;
                }
                refused = problem.detail();
                response.setStatus(problem.status());
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("releaseLabel", label);
        model.addAttribute("releaseError", refused);
        return render(model, user, listId, ListSelector.ofVersion(number), null);
    }

    @PostMapping("/lists/{id}/entries")
    String proposeAdding(
            @PathVariable String id,
            @RequestParam(required = false) String questionId,
            @RequestParam(defaultValue = "") String questionText,
            @RequestParam(defaultValue = "") String q,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID listId = ListIds.list(id);
        UUID question = ListIds.question(questionId);
        if (question == null) {
            response.setStatus(400);
            model.addAttribute(
                    "entryError",
                    "Choose a question to add: search for it, then press its" + " “Propose adding” button.");
            return render(model, user, listId, ListSelector.latest(), q);
        }
        if (refused(() -> lists.proposeAdding(listId, question), model, response)) {
            return render(model, user, listId, ListSelector.latest(), q);
        }
        return proposed(listId, "You proposed adding " + quoted(questionText) + " to this list.", redirect);
    }

    @PostMapping("/lists/{id}/entries/{questionId}/removal")
    String proposeRemoving(
            @PathVariable String id,
            @PathVariable String questionId,
            @RequestParam(defaultValue = "") String questionText,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID listId = ListIds.list(id);
        UUID question = ListIds.question(questionId);
        if (question == null) {
            throw new ServiceProblem(404, "There is no question with the id “" + questionId + "” in this list.", null);
        }
        if (refused(() -> lists.proposeRemoving(listId, question), model, response)) {
            return render(model, user, listId, ListSelector.latest(), null);
        }
        return proposed(listId, "You proposed removing " + quoted(questionText) + " from this list.", redirect);
    }

    /** Sends an entry proposal; a refusal the form shows goes beside the entry form, with its status. */
    private static boolean refused(Runnable proposal, Model model, HttpServletResponse response) {
        try {
            proposal.run();
            return false;
        } catch (ServiceProblem problem) {
            if (!shownInForm(problem)) {
                throw problem;
            }
            response.setStatus(problem.status());
            model.addAttribute("entryError", problem.detail());
            return true;
        }
    }

    private static String proposed(UUID listId, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "notice",
                notice + " It is a proposal: the list changes once a reviewer approves it in the review queue.");
        return "redirect:/lists/" + listId;
    }

    private String render(Model model, SignedInUser user, UUID listId, ListSelector selector, String q) {
        model.addAttribute("page", pages.page(listId, selector));
        if (user.canPropose()) {
            model.addAttribute("add", pages.search(q));
        }
        return "lists/list";
    }

    private static String quoted(String text) {
        String shown = text == null ? "" : text.strip();
        if (shown.isEmpty()) {
            return "the question";
        }
        return "“" + (shown.length() > MAX_NOTICE_TEXT ? shown.substring(0, MAX_NOTICE_TEXT) + "…" : shown) + "”";
    }
}
