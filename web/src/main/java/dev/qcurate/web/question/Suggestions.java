package dev.qcurate.web.question;

import dev.qcurate.web.duplicates.DuplicateCandidate;

import java.util.List;

/**
 * The "Possible duplicates" region of the propose page.
 *
 * @param searched    false when the text had too few letters to look anything up
 * @param unavailable the look-up failed; proposing still works
 * @param typed       the typed text, passed on to "propose your wording instead" links (null when too long)
 */
record Suggestions(boolean searched, boolean unavailable, List<DuplicateCandidate> candidates, String typed) {

    static Suggestions none() {
        return new Suggestions(false, false, List.of(), null);
    }

    static Suggestions failed() {
        return new Suggestions(true, true, List.of(), null);
    }

    static Suggestions of(List<DuplicateCandidate> candidates, String typed) {
        String kept = typed == null || QuestionInput.textProblem(typed) != null ? null : typed.strip();
        return new Suggestions(true, false, candidates, kept);
    }

    public boolean offersInstead() {
        return typed != null && !candidates.isEmpty();
    }
}
