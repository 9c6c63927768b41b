package dev.qcurate.web.services;

import java.util.Set;

/** Which service answers a form shows next to the typed input; the rest (401, 503) are the whole page's business. */
public final class Refusals {

    private static final Set<Integer> SHOWN_IN_FORM = Set.of(400, 403, 404, 409, 413, 422);

    private Refusals() {}

    /** {@code problem}'s detail when the form should show it, or the problem rethrown for {@code ProblemPages}. */
    public static String messageFor(ServiceProblem problem) {
        if (!SHOWN_IN_FORM.contains(problem.status())) {
            throw problem;
        }
        return problem.detail();
    }
}
