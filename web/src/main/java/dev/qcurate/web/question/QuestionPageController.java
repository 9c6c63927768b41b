package dev.qcurate.web.question;

import dev.qcurate.web.duplicates.DuplicateCandidate;
import dev.qcurate.web.services.ServiceProblem;
import dev.qcurate.web.services.SignedInUser;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.UUID;

/** A question: its text, status, provenance and history, its duplicate candidates and what waits for review. */
@Controller
@RequiredArgsConstructor
class QuestionPageController {

    static final int DUPLICATES = 5;

    private final QuestionClient questions;

    @GetMapping("/questions/{id}")
    String question(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        QuestionDetails question = questions.question(id);
        List<DuplicateCandidate> duplicates = duplicatesOf(id);
        List<PendingProposal> pending = user.canPropose() ? questions.pendingProposals(id) : List.of();
        model.addAttribute("page", QuestionPage.of(question, mergedInto(question), duplicates, pending));
        return "questions/question";
    }

    @GetMapping("/questions/{id}/compare")
    String compare(
            @PathVariable UUID id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        model.addAttribute("page", ComparePage.of(questions.question(id), from, to));
        return "questions/compare";
    }

    /** Hints only: a lagging or refusing duplicate index leaves the region empty rather than the page unavailable. */
    private List<DuplicateCandidate> duplicatesOf(UUID id) {
        try {
            return questions.duplicatesOf(id, DUPLICATES);
        } catch (ServiceProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            return List.of();
        }
    }

    /** The target's text when it can be read; a merge target that is gone still gets its link. */
    private QuestionPage.Link mergedInto(QuestionDetails question) {
        if (question.mergedInto() == null) {
            return null;
        }
        try {
            return new QuestionPage.Link(
                    question.mergedInto(),
                    questions.question(question.mergedInto()).text());
        } catch (ServiceProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            return new QuestionPage.Link(
                    question.mergedInto(), question.mergedInto().toString());
        }
    }
}
