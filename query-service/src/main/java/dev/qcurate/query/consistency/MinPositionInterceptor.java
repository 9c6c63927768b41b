package dev.qcurate.query.consistency;

import dev.qcurate.query.projection.ProjectionPosition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;

/**
 * Holds a GET with {@code ?minPosition=n} until the projections have applied every event up to {@code n} (the
 * {@code X-Qcurate-Position} of a command), at most {@code qcurate.consistency.max-wait}.
 */
@Component
class MinPositionInterceptor implements HandlerInterceptor {

    static final String PARAMETER = "minPosition";

    private final ProjectionPosition position;
    private final Duration maxWait;

    MinPositionInterceptor(
            ProjectionPosition position, @Value("${qcurate.consistency.max-wait:PT5S}") Duration maxWait) {
        this.position = position;
        this.maxWait = maxWait;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String value = request.getParameter(PARAMETER);
        if (value == null || !"GET".equals(request.getMethod())) {
            return true;
        }
        long wanted;
        try {
            wanted = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("minPosition must be a whole number");
        }
        if (wanted < 0) {
            throw new IllegalArgumentException("minPosition must not be negative");
        }
        if (!position.awaitApplied(wanted, maxWait)) {
            throw new ProjectionBehindException(wanted, position.current());
        }
        response.setHeader("X-Qcurate-Position", Long.toString(Math.max(wanted, position.currentLocally())));
        return true;
    }
}
