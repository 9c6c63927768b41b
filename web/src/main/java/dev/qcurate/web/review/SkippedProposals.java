package dev.qcurate.web.review;

import jakarta.servlet.http.HttpSession;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** The proposals a reviewer skipped in this session: left out of their queue until they ask to see them again. */
final class SkippedProposals {

    private static final String ATTRIBUTE = "qcurate.review.skipped";

    private SkippedProposals() {}

    @SuppressWarnings("unchecked")
    static Set<UUID> of(HttpSession session) {
        Object skipped = session.getAttribute(ATTRIBUTE);
        if (skipped == null) {
            skipped = Collections.synchronizedSet(new LinkedHashSet<UUID>());
            session.setAttribute(ATTRIBUTE, skipped);
        }
        return (Set<UUID>) skipped;
    }
}
