package dev.qcurate.web.review;

import dev.qcurate.web.services.ServiceProblem;
import dev.qcurate.web.services.SignedInUser;
import dev.qcurate.web.services.Written;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The review queue. Each action is a plain form (POST, then back to the same filtered queue) that htmx enhances: then
 * the answer is a fragment replacing the item with its outcome, or a message inside the item when it was refused.
 */
@Controller
@RequiredArgsConstructor
class ReviewController {

    static final int MAX_REASON = 1_000;

    private final ReviewClient client;
    private final ReviewQueue queue;

    /** The filters, read from the query string or from a form's hidden fields alike. */
    @ModelAttribute("filter")
    ReviewFilter filter(@RequestParam Map<String, String> parameters) {
        return ReviewFilter.from(parameters);
    }

    @GetMapping("/review")
    String queue(
            @ModelAttribute(name = "filter", binding = false) ReviewFilter filter,
            @AuthenticationPrincipal SignedInUser user,
            HttpSession session,
            Model model) {
        model.addAttribute(
                "review",
                queue.page(
                        filter,
                        user,
                        SkippedProposals.of(session),
                        (String) model.getAttribute("notice"),
                        bulkOf(model),
                        null));
        return "review/queue";
    }

    @PostMapping("/review/{id}/approve")
    String approve(
            @PathVariable UUID id,
            @ModelAttribute(name = "filter", binding = false) ReviewFilter filter,
            ItemForm form,
            @AuthenticationPrincipal SignedInUser user,
            HttpSession session,
            HttpServletResponse response,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        String verdict;
        String detail;
        try {
            Written approved = client.approve(id);
            boolean recorded = "RECORDED".equals(approved.text("outcome"));
            verdict = recorded ? "Approval recorded" : "Approved";
            detail =
                    recorded ? "Your approval is recorded; " + approved.text("detail") + "." : "The change is applied.";
        } catch (ServiceProblem problem) {
            return refused(problem, id, form, null, filter, user, session, response, htmx, model);
        }
        return done(
                new Outcome(id, form.kindLabel(), form.heading(), verdict, detail, 0),
                filter,
                response,
                htmx,
                model,
                redirect);
    }

    @PostMapping("/review/{id}/reject")
    String reject(
            @PathVariable UUID id,
            @ModelAttribute(name = "filter", binding = false) ReviewFilter filter,
            ItemForm form,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal SignedInUser user,
            HttpSession session,
            HttpServletResponse response,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            String message = why.isEmpty()
                    ? "A rejection needs a reason: type one or pick a common one."
                    : "The reason is " + why.length() + " characters long; at most " + MAX_REASON + " are kept.";
            return refused(
                    new ServiceProblem(422, message, null),
                    id,
                    form,
                    reason,
                    filter,
                    user,
                    session,
                    response,
                    htmx,
                    model);
        }
        try {
            client.reject(id, why);
        } catch (ServiceProblem problem) {
            return refused(problem, id, form, reason, filter, user, session, response, htmx, model);
        }
        return done(
                new Outcome(id, form.kindLabel(), form.heading(), "Rejected", "Reason: " + why, 0),
                filter,
                response,
                htmx,
                model,
                redirect);
    }

    /** Skipping changes nothing in the services: the item is left out of this reviewer's queue for the session. */
    @PostMapping("/review/{id}/skip")
    String skip(
            @PathVariable UUID id,
            @ModelAttribute(name = "filter", binding = false) ReviewFilter filter,
            ItemForm form,
            HttpSession session,
            HttpServletResponse response,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        SkippedProposals.of(session).add(id);
        return done(
                new Outcome(
                        id,
                        form.kindLabel(),
                        form.heading(),
                        "Skipped",
                        "It stays in the queue for the other reviewers.",
                        0),
                filter,
                response,
                htmx,
                model,
                redirect);
    }

    @PostMapping("/review/skipped/clear")
    String showSkipped(@ModelAttribute(name = "filter", binding = false) ReviewFilter filter, HttpSession session) {
        SkippedProposals.of(session).clear();
        return "redirect:" + filter.url();
    }

    @PostMapping("/review/approve-selected")
    String approveSelected(
            @ModelAttribute(name = "filter", binding = false) ReviewFilter filter,
            @RequestParam(name = "proposalIds", required = false) List<String> selected,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        List<UUID> ids = new ArrayList<>();
        for (String value : selected == null ? List.<String>of() : selected) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException ignored) {
                // not one of the page's checkboxes: nothing to approve
            }
        }
        if (ids.isEmpty()) {
            redirect.addFlashAttribute("notice", "Nothing was approved: select at least one item first.");
            return "redirect:" + filter.url();
        }
        if (ids.size() > ReviewQueue.MAX_BULK) {
            redirect.addFlashAttribute(
                    "notice", "Nothing was approved: at most " + ReviewQueue.MAX_BULK + " items at once.");
            return "redirect:" + filter.url();
        }
        try {
            redirect.addFlashAttribute("bulk", queue.approveAll(ids, filter, user));
        } catch (ServiceProblem problem) {
            if (problem.status() == 401 || problem.status() == 503) {
                throw problem;
            }
            redirect.addFlashAttribute("notice", "Nothing was approved: " + problem.detail());
        }
        return "redirect:" + filter.onPage(1).url();
    }

    @SuppressWarnings("unchecked")
    private static List<BulkLine> bulkOf(Model model) {
        return (List<BulkLine>) model.getAttribute("bulk");
    }

    private String done(
            Outcome outcome,
            ReviewFilter filter,
            HttpServletResponse response,
            String htmx,
            Model model,
            RedirectAttributes redirect) {
        Outcome counted = new Outcome(
                outcome.proposalId(),
                outcome.kindLabel(),
                outcome.heading(),
                outcome.verdict(),
                outcome.detail(),
                queue.left(filter));
        if ("true".equals(htmx)) {
            response.setHeader("HX-Retarget", "#" + counted.domId());
            response.setHeader("HX-Reswap", "outerHTML");
            model.addAttribute("outcome", counted);
            return "review/items :: answer";
        }
        redirect.addFlashAttribute("notice", counted.announcement() + " " + counted.detail());
        return "redirect:" + filter.url();
    }

    /**
     * A refused action: 401 and 503 go to the shared handling; anything else is told in the item (htmx) or on the
     * queue page shown again with what was typed. A stale proposal gets a link to the question's current text.
     */
    private String refused(
            ServiceProblem problem,
            UUID id,
            ItemForm form,
            String reason,
            ReviewFilter filter,
            SignedInUser user,
            HttpSession session,
            HttpServletResponse response,
            String htmx,
            Model model) {
        if (problem.status() == 401 || problem.status() >= 500) {
            throw problem;
        }
        ItemProblem refused = new ItemProblem(
                id, problem.status(), message(problem, form), stale(problem) ? form.questionId() : null, reason);
        response.setStatus(problem.status());
        model.addAttribute("problem", refused);
        if ("true".equals(htmx)) {
            model.addAttribute("heading", form.heading());
            return "review/items :: refused";
        }
        model.addAttribute("review", queue.page(filter, user, SkippedProposals.of(session), null, null, refused));
        return "review/queue";
    }

    private static String message(ServiceProblem problem, ItemForm form) {
        String heading = form.heading() == null ? "" : " \u201c" + form.heading() + "\u201d";
        if (problem.isConflict() && !stale(problem)) {
            // claimed by another reviewer, sent back to its proposer, or decided meanwhile: the service says which
            return "Not done: " + problem.detail();
        }
        return switch (problem.status()) {
            // the heading holds the question's text as the queue showed it, not the proposed change
            case 409 ->
                "Not approved: the question" + heading + " changed since this was proposed, so this"
                        + " proposal is stale (" + problem.detail() + ").";
            case 403 -> "Not allowed: " + problem.detail() + " (nobody may approve or reject their own proposal).";
            case 404 -> "Not found: this proposal" + heading + " no longer exists (" + problem.detail() + ").";
            default -> "Not done: " + problem.detail();
        };
    }

    /** A 409 the command service gives when the question moved on since the proposal (not a claim or a decision). */
    private static boolean stale(ServiceProblem problem) {
        return problem.isConflict()
                && problem.detail() != null
                && problem.detail().startsWith("proposal is stale");
    }

    /** The hidden fields every item's forms carry, so the answer can name the item without another lookup. */
    record ItemForm(String heading, String kindLabel, UUID questionId) {}
}
