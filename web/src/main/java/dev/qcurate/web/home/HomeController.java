package dev.qcurate.web.home;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.services.Services;
import dev.qcurate.web.services.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.List;
import java.util.Map;

/** Home: the lists for everyone, the pending count for reviewers, the user's own open proposals for editors. */
@Controller
@RequiredArgsConstructor
class HomeController {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS =
            new ParameterizedTypeReference<>() {};

    private final Services services;

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("lists", services.query().get("/api/lists", Map.of(), ROWS));
        if (user.canReview()) {
            model.addAttribute(
                    "pending",
                    services.query()
                            .get("/api/proposals/counts", Map.of("status", "PENDING"), JsonNode.class)
                            .path("total")
                            .asLong());
        }
        if (user.canPropose()) {
            model.addAttribute(
                    "myPending",
                    services.query()
                            .get("/api/proposals/counts", Map.of("proposer", "me", "status", "PENDING"), JsonNode.class)
                            .path("total")
                            .asLong());
        }
        return "home";
    }

    /** Where Spring Security forwards a signed-in user who opened a page their roles do not allow (403). */
    @RequestMapping("/forbidden") // any method: a refused POST (e.g. a stale CSRF token) is forwarded here as a POST
    String forbidden(HttpServletRequest request, Model model) {
        // a CSRF refusal is not about roles: the form came from an older session (e.g. after signing in again)
        model.addAttribute("staleForm", request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException);
        return "error/forbidden";
    }
}
