package dev.qcurate.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.command.dispatch.CommandFailure;
import dev.qcurate.command.dispatch.PositionHeader;
import dev.qcurate.support.BufferedRequestBody;
import dev.qcurate.support.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A command sent with {@code Idempotency-Key} runs once per user and key: a repeat of the same request (method, path,
 * query and body) answers with the stored first answer (header {@code Idempotent-Replayed: true}); a repeat while the
 * first still runs answers 409, and the key reused for a different request 422 (as the IETF Idempotency-Key draft
 * says). Only successful answers are kept, and those of requests that stored something, so a request that failed
 * before storing may simply be sent again; the stored mark is written in the command's own transaction
 * ({@link StoredInTransaction}), so after an unknown outcome a retry runs it only if it was not stored. Registered by
 * {@link IdempotencyConfig} after Spring Security, so the user is known and unauthenticated requests never get here.
 */
@RequiredArgsConstructor
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IdempotentRequests requests;
    private final ObjectMapper json;

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
        IdempotentRequests.Claim claim = new IdempotentRequests.Claim(user.getName(), key, UUID.randomUUID());
        Optional<IdempotentRequests.Stored> earlier;
        try {
            earlier = requests.claim(claim, fingerprint);
        } catch (DataAccessException unreachable) {
            // outside Spring MVC's handling here: answered like a command that cannot reach the event store
            CommandFailure failure = CommandFailure.of(unreachable);
            if (failure.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                response.setHeader("Retry-After", "5");
            }
            ProblemResponses.write(json, response, failure.status(), failure.title(), failure.detail());
            return;
        }
        if (earlier.isPresent()) {
            answerAgain(earlier.get(), fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        StoredInTransaction.begin(claim);
        boolean answered = false;
        try {
            chain.doFilter(new BufferedRequestBody(request, body), answer);
            answered = true;
        } finally {
            StoredInTransaction.end();
            // an exception that escaped becomes the container's 500
            keep(claim, answer, answered ? answer.getStatus() : 500);
            answer.copyBodyToResponse();
        }
    }

    /**
     * Keeps the answer for replay: always a 2xx one, and any other once a command of the request is stored (a bulk
     * request that failed part-way); otherwise the key is freed. The database may be gone by now (that may be why
     * the request failed): the client still gets this answer, and the claim's stored mark, written in the command's
     * transaction, tells a retry the truth.
     */
    private void keep(IdempotentRequests.Claim claim, ContentCachingResponseWrapper answer, int status) {
        try {
            String position = answer.getHeader(PositionHeader.NAME);
            requests.complete(
                    claim,
                    status >= 200 && status < 300,
                    status,
                    answer.getContentType(),
                    position == null ? null : Long.valueOf(position),
                    answer.getContentAsByteArray());
        } catch (RuntimeException e) {
            log.warn("Idempotency-Key answer not kept ({}); a retry learns from its stored mark", e.toString());
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
        } else if (earlier.status() == null && earlier.stored()) {
            ProblemResponses.write(
                    json,
                    response,
                    HttpStatus.CONFLICT,
                    "Already stored",
                    "the request sent with this Idempotency-Key was stored, but its answer was lost (its instance"
                            + " stopped or the database went away before the answer was kept); read its effect, do not"
                            + " send it again");
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
