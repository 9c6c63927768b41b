package dev.qcurate.web.services;

import org.springframework.http.HttpMethod;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Retry-safe forms: every POST form carries a fresh {@code _formKey} (added by {@code config.FormKeyFields}), and a
 * command sent while handling it carries an {@code Idempotency-Key} derived from that key and the command itself. A
 * form sent twice with the same content (a double click, a resend after a timeout, the back button) is then one
 * command for the service; the same form sent again with other content is another command.
 */
public final class FormKey {

    public static final String PARAMETER = "_formKey";
    private static final Pattern VALID = Pattern.compile("[0-9a-f-]{36}");

    private FormKey() {}

    static Optional<String> idempotencyKey(
            HttpMethod method, String path, Object[] pathVariables, Map<String, ?> query, byte[] body) {
        String formKey = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getParameter(PARAMETER)
                : null;
        if (formKey == null || !VALID.matcher(formKey).matches()) {
            return Optional.empty();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String command = formKey + "\n" + method + " " + path + " " + Arrays.toString(pathVariables) + " "
                    + new TreeMap<>(query) + "\n";
            digest.update(command.getBytes(StandardCharsets.UTF_8));
            digest.update(body == null ? new byte[0] : body);
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
