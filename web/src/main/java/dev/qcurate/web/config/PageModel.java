package dev.qcurate.web.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Map;

/** What every page's frame needs: the CSRF header htmx sends with each of its requests. */
@ControllerAdvice
@RequiredArgsConstructor
class PageModel {

    private final ObjectMapper json;

    /** {@code hx-headers} on the body: htmx then sends the CSRF token on every request it makes. */
    @ModelAttribute("csrfHeaders")
    String csrfHeaders(CsrfToken csrf) throws JsonProcessingException {
        return csrf == null ? null : json.writeValueAsString(Map.of(csrf.getHeaderName(), csrf.getToken()));
    }
}
