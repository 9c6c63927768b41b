package dev.qcurate.web.signin;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; the form posts to Spring Security's login filter, which uses {@link TokenAuthenticationProvider}. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn(
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String signedOut,
            HttpSession session,
            Model model) {
        // the failure is read from the session (where FailedSignIn left it), not from "?error", so it shows once
        if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException failure) {
            model.addAttribute("error", failure.getMessage());
            model.addAttribute("username", session.getAttribute(FailedSignIn.TYPED_USERNAME));
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            session.removeAttribute(FailedSignIn.TYPED_USERNAME);
        } else if (expired != null) {
            model.addAttribute("notice", "Your session has ended. Please sign in again.");
        } else if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "login";
    }
}
