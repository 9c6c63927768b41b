package dev.qcurate.web.services;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a service's answer means for the page when the controller did not handle it itself: 401 ends the session
 * and returns to sign-in; 503 and an unreachable service show an outage page; any other problem shows its detail.
 * An htmx request gets the same message as a fragment (htmx is configured to swap error answers).
 */
@ControllerAdvice
class ProblemPages {

    private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

    @ExceptionHandler(ServiceProblem.class)
    ModelAndView problem(ServiceProblem problem, HttpServletRequest request, HttpServletResponse response) {
        if (problem.status() == 401) {
            return signInAgain(request, response);
        }
        if (problem.status() == 503) {
            String retry = problem.retryAfter()
                    .map(after -> " Please try again in " + after.toSeconds() + " s.")
                    .orElse(" Please try again in a moment.");
            return unavailable(request, response, "qcurate is busy catching up." + retry, problem.detail());
        }
        response.setStatus(problem.status());
        ModelAndView page = new ModelAndView(isHtmx(request) ? "fragments/messages :: problem" : "error/problem");
        page.addObject("status", problem.status());
        page.addObject("detail", problem.detail());
        return page;
    }

    @ExceptionHandler(ServiceDown.class)
    ModelAndView down(ServiceDown down, HttpServletRequest request, HttpServletResponse response) {
        log.warn(
                "{} is not reachable: {}",
                down.service(),
                down.getCause() == null ? "bad gateway" : down.getCause().getMessage());
        return unavailable(
                request,
                response,
                "The " + down.service() + " is not answering right now. Nothing you"
                        + " typed was sent; please try again in a moment.",
                null);
    }

    private static ModelAndView unavailable(
            HttpServletRequest request, HttpServletResponse response, String message, String detail) {
        response.setStatus(503);
        ModelAndView page = new ModelAndView(isHtmx(request) ? "fragments/messages :: problem" : "error/unavailable");
        page.addObject("status", 503);
        page.addObject("detail", message);
        page.addObject("serviceDetail", detail);
        if ("GET".equals(request.getMethod())) { // a write is never repeated by a link
            String query = request.getQueryString();
            page.addObject("retryUrl", request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        return page;
    }

    private static ModelAndView signInAgain(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (isHtmx(request)) {
            response.setHeader("HX-Redirect", "/login?expired");
            response.setStatus(204);
            return new ModelAndView();
        }
        return new ModelAndView("redirect:/login?expired");
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
