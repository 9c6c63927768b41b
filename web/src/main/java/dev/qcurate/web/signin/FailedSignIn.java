package dev.qcurate.web.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** A failed sign-in returns to the form with the reason and the username as typed (never the password). */
@Component
class FailedSignIn implements AuthenticationFailureHandler {

    static final String TYPED_USERNAME = FailedSignIn.class.getName() + ".username";
    private static final int MAX_KEPT = 200;

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        HttpSession session = request.getSession();
        session.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, exception);
        String typed = request.getParameter("username");
        session.setAttribute(
                TYPED_USERNAME, typed == null ? "" : typed.substring(0, Math.min(typed.length(), MAX_KEPT)));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
