package dev.qcurate.support;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Prometheus scrapes without a user's token, on the management port only: {@code GET /actuator/prometheus} arriving
 * on {@code management.server.port} (set it, and bind it with {@code management.server.address} to an address only
 * the monitoring network reaches). On the service's own port, and when no separate management port is set, the
 * metrics stay ADMIN only.
 */
@RequiredArgsConstructor
public final class ManagementPortScrape implements RequestMatcher {

    private final int managementPort;

    /** Matches nothing unless the management port is set and differs from the service's port. */
    public static ManagementPortScrape on(int serverPort, int managementPort) {
        return new ManagementPortScrape(managementPort > 0 && managementPort != serverPort ? managementPort : -1);
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return managementPort > 0
                && request.getLocalPort() == managementPort
                && "GET".equals(request.getMethod())
                && "/actuator/prometheus".equals(request.getRequestURI());
    }
}
