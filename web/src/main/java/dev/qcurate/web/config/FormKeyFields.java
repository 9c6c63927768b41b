package dev.qcurate.web.config;

import dev.qcurate.web.services.FormKey;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Adds a fresh {@link FormKey} to every POST form Thymeleaf renders, next to Spring Security's CSRF field (this
 * wraps Spring Security's processor, so both fields come from the one hook Thymeleaf calls for {@code th:action}).
 */
@RequiredArgsConstructor
final class FormKeyFields implements RequestDataValueProcessor {

    private static final String GET_FORM = FormKeyFields.class.getName() + ".getForm";

    private final RequestDataValueProcessor csrf;

    @Override
    public String processAction(HttpServletRequest request, String action, String method) {
        request.setAttribute(GET_FORM, "GET".equalsIgnoreCase(method));
        return csrf.processAction(request, action, method);
    }

    @Override
    public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
        return csrf.processFormFieldValue(request, name, value, type);
    }

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> csrfFields = csrf.getExtraHiddenFields(request);
        if (csrfFields != null) {
            fields.putAll(csrfFields);
        }
        if (!Boolean.TRUE.equals(request.getAttribute(GET_FORM))) {
            fields.put(FormKey.PARAMETER, UUID.randomUUID().toString());
        }
        request.removeAttribute(GET_FORM);
        return fields;
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
        return csrf.processUrl(request, url);
    }
}
