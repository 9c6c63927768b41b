package dev.qcurate.web.proposals;

import dev.qcurate.web.services.ServiceProblem;
import dev.qcurate.web.services.SignedInUser;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A proposal's page: claim, release or take over (reviewers), the conversation with its comment form, "request
 * changes" (reviewers) and the amend form (the proposer). Each form posts, then comes back here (or to the queue, as
 * filtered and paged, for the queue's forms); a refusal shows the service's words on the page with what was typed.
 */
@Controller
@RequiredArgsConstructor
class ProposalPageController {

    static final int MAX_COMMENT = 10_000;

    private final ProposalPageClient client;

    @GetMapping("/proposals/{id}")
    String page(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return show(id, user, model, new Typed("", "", null, null, null), null);
    }

    @PostMapping("/proposals/{id}/claim")
    String claim(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean takeOver,
            @RequestParam(defaultValue = "") String from,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String done = takeOver ? "You took over this proposal." : "You hold this proposal now.";
        return act(id, user, response, model, redirect, Typed.none(), from, done, () -> client.claim(id, takeOver));
    }

    @PostMapping("/proposals/{id}/release")
    String release(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String from,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                user,
                response,
                model,
                redirect,
                Typed.none(),
                from,
                "You released this proposal.",
                () -> client.release(id));
    }

    /**
     * A comment ({@code text}) or a reviewer's request for changes ({@code comment}): one form, checked here for a quick
     * answer, then sent to the command service.
     */
    @PostMapping("/proposals/{id}/{kind:comments|request-changes}")
    String converse(
            @PathVariable UUID id,
            @PathVariable String kind,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "") String from,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        boolean changes = kind.equals("request-changes");
        String said = changes ? comment : text;
        Typed typed = changes ? new Typed("", said, null, null, null) : new Typed(said, "", null, null, null);
        String problem = commentProblem(said);
        if (problem != null) {
            response.setStatus(422);
            return show(id, user, model, typed, problem);
        }
        String done = changes ? "The proposal went back to its proposer with your comment." : "Your comment was added.";
        BiFunction<UUID, String, ?> send = changes ? client::requestChanges : client::comment;
        return act(id, user, response, model, redirect, typed, from, done, () -> send.apply(id, said.strip()));
    }

    @PostMapping("/proposals/{id}/amend")
    String amend(
            @PathVariable UUID id,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String add,
            @RequestParam(required = false) String remove,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Typed typed = new Typed("", "", text, add, remove);
        if (text != null && text.strip().length() > MAX_COMMENT) {
            response.setStatus(422);
            return show(id, user, model, typed, "The text is " + text.strip().length() + " characters long.");
        }
        return act(
                id,
                user,
                response,
                model,
                redirect,
                typed,
                "",
                "Your amendment is the proposal's new revision; it is back in the review queue.",
                () -> client.amend(id, text == null ? null : text.strip(), tags(add), tags(remove)));
    }

    /** What the user typed into the page's forms, shown again when the service refused it. */
    record Typed(String comment, String changeRequest, String text, String add, String remove) {
        static Typed none() {
            return new Typed("", "", null, null, null);
        }
    }

    private String act(
            UUID id,
            SignedInUser user,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect,
            Typed typed,
            String from,
            String done,
            Supplier<?> action) {
        try {
            action.get();
        } catch (ServiceProblem problem) {
            if (problem.status() == 401 || problem.status() >= 500) {
                throw problem;
            }
            response.setStatus(problem.status());
            return show(id, user, model, typed, problem.detail());
        }
        redirect.addFlashAttribute("notice", done);
        return "redirect:" + back(from, id);
    }

    /**
     * Where a form goes back to: the review queue it was posted from, with the filters and page it showed (its
     * address, as the queue put it in the form), or else the proposal's page. Only the queue's own path is followed.
     */
    static String back(String from, UUID id) {
        if ("review".equals(from)) {
            return "/review";
        }
        boolean queue = from.equals("/review") || from.startsWith("/review?");
        return queue && from.chars().noneMatch(c -> c < 0x20 || c == '\\') ? from : "/proposals/" + id;
    }

    private String show(UUID id, SignedInUser user, Model model, Typed typed, String problem) {
        ProposalPage page = client.page(id, user);
        model.addAttribute("proposal", page);
        model.addAttribute(
                "typed",
                new Typed(
                        typed.comment(),
                        typed.changeRequest(),
                        typed.text() == null ? page.proposedText() : typed.text(),
                        typed.add() == null ? String.join(" ", page.add()) : typed.add(),
                        typed.remove() == null ? String.join(" ", page.remove()) : typed.remove()));
        model.addAttribute("user", user.username());
        model.addAttribute("error", problem);
        return "proposals/proposal";
    }

    private static String commentProblem(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return "A comment needs some text.";
        }
        if (stripped.length() > MAX_COMMENT) {
            return "The comment is " + stripped.length() + " characters long; at most " + MAX_COMMENT + " are kept.";
        }
        return null;
    }

    private static List<String> tags(String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split("[,\\s]+"))
                        .filter(t -> !t.isBlank())
                        .toList();
    }
}
