package dev.qcurate.web.services;

import jakarta.servlet.http.HttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;

/**
 * Read-your-writes for one browser session: the highest {@code X-Qcurate-Position} of the user's commands, sent as
 * {@code ?minPosition=} on every later query-service read, so the page after a redirect shows the user's own write.
 */
final class ReadPosition {

    private static final String ATTRIBUTE = ReadPosition.class.getName();

    private ReadPosition() {}

    static void advanceTo(long position) {
        HttpSession session = session();
        if (position <= 0 || session == null) {
            return;
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            Long known = (Long) session.getAttribute(ATTRIBUTE);
            if (known == null || known < position) {
                session.setAttribute(ATTRIBUTE, position);
            }
        }
    }

    /** The position the next read must reach, or 0. */
    static long current() {
        HttpSession session = session();
        Long known = session == null ? null : (Long) session.getAttribute(ATTRIBUTE);
        return known == null ? 0 : known;
    }

    private static HttpSession session() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getSession(false)
                : null;
    }
}
