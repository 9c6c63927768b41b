package dev.qcurate.web.imports;

import jakarta.servlet.http.HttpSession;
import org.springframework.web.util.WebUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The session's recent import outcomes, so the outcome page survives a reload (a flash attribute would not) and
 * the browser's address names the import. Only the last {@link #KEPT} are kept.
 */
final class ImportOutcomes {

    static final int KEPT = 10;
    private static final String ATTRIBUTE = ImportOutcomes.class.getName();

    private ImportOutcomes() {
    }

    static void keep(HttpSession session, ImportOutcome outcome) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<UUID, ImportOutcome> kept = new LinkedHashMap<>(stored(session));
            kept.remove(outcome.importId());
            kept.put(outcome.importId(), outcome);
            while (kept.size() > KEPT) {
                kept.remove(kept.keySet().iterator().next());
            }
            session.setAttribute(ATTRIBUTE, kept);
        }
    }

    static Optional<ImportOutcome> find(HttpSession session, UUID importId) {
        return Optional.ofNullable(stored(session).get(importId));
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, ImportOutcome> stored(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept instanceof Map<?, ?> map ? (Map<UUID, ImportOutcome>) map : Map.of();
    }
}
