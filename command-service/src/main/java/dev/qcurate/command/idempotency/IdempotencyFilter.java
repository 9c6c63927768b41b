package dev.qcurate.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.command.dispatch.PositionHeader;
import dev.qcurate.support.BufferedRequestBody;
import dev.qcurate.support.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command sent with {@code Idempotency-Key} runs once per user and key: a repeat of the same request (method, path,
 * query and body) answers with the stored first answer (header {@code Idempotent-Replayed: true}); a repeat while the
 * first still runs answers 409, and the key reused for a different request 422 (as the IETF Idempotency-Key draft
 * says). Only successful answers are kept, so a request that failed may simply be sent again. Registered by
 * {@link IdempotencyConfig} after Spring Security, so the user is known and unauthenticated requests never get here.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IdempotentRequests requests;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotentRequests requests, ObjectMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null
                || "GET".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || request.getRequestURI().equals("/api/auth/token");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (!KEY.matcher(key).matches()) {
            ProblemResponses.write(
                    json,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "Invalid Idempotency-Key",
                    "the Idempotency-Key header must be 1 to 200 visible ASCII characters, e.g. a UUID");
            return;
        }
        // the body is bounded already: RequestHygieneFilter refused anything over the size limits
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        Optional<IdempotentRequests.Stored> earlier = requests.claim(user.getName(), key, fingerprint);
        if (earlier.isPresent()) {
            answerAgain(earlier.get(), fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new BufferedRequestBody(request, body), answer);
            if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
                String position = answer.getHeader(PositionHeader.NAME);
                requests.complete(
                        user.getName(),
                        key,
                        answer.getStatus(),
                        answer.getContentType(),
                        position == null ? null : Long.valueOf(position),
                        answer.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                requests.release(user.getName(), key);
            }
            answer.copyBodyToResponse();
        }
    }

    private void answerAgain(IdempotentRequests.Stored earlier, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!earlier.fingerprint().equals(fingerprint)) {
            ProblemResponses.write(
                    json,
                    response,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Idempotency-Key reused",
                    "this Idempotency-Key was already used for a different request; use a new key per request");
        } else if (earlier.status() == null) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(
                    json,
                    response,
                    HttpStatus.CONFLICT,
                    "Request in progress",
                    "a request with this Idempotency-Key is still being processed; retry in a moment for its answer");
        } else {
            response.setStatus(earlier.status());
            response.setHeader(REPLAYED, "true");
            if (earlier.position() != null) {
                response.setHeader(PositionHeader.NAME, Long.toString(earlier.position()));
            }
            if (earlier.contentType() != null) {
                response.setContentType(earlier.contentType());
            }
            if (earlier.body() != null) {
                response.getOutputStream().write(earlier.body());
            }
        }
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString();
            digest.update(
                    (request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
