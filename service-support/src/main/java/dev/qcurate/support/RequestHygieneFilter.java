package dev.qcurate.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Refuses, before anything else reads the request: bodies over the limit (413; 1 MiB for JSON, more for imported
 * documents), with or without a Content-Length; query parameters or paths with control, NUL or
 * bidirectional-override characters (400); and HTTP methods that do not exist (405, not the container's 501).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class RequestHygieneFilter extends OncePerRequestFilter {

    private static final java.util.Set<String> KNOWN_METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE");

    private final long maxJson;
    private final long maxDocument;
    private final ObjectMapper json;

    RequestHygieneFilter(
            @Value("${qcurate.http.max-json-body:1MB}") DataSize maxJson,
            @Value("${qcurate.http.max-document-body:2MB}") DataSize maxDocument,
            ObjectMapper json) {
        this.maxJson = maxJson.toBytes();
        this.maxDocument = maxDocument.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!KNOWN_METHODS.contains(request.getMethod())) {
            // the servlet container would answer 501 for a method it has never heard of
            refuse(
                    response,
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "Method not allowed",
                    "unknown HTTP method; use GET, POST, PUT or DELETE as the API describes");
            return;
        }
        String unsafe = unsafeParameter(request);
        if (unsafe != null) {
            refuse(response, HttpStatus.BAD_REQUEST, "Invalid request", unsafe);
            return;
        }
        long limit = isDocument(request.getContentType()) ? maxDocument : maxJson;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(
                    response,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "Request body too large",
                    "the request body has " + declared + " bytes; at most " + limit + " are accepted");
            return;
        }
        if (declared < 0 && hasBody(request)) {
            byte[] body = request.getInputStream().readNBytes((int) limit + 1);
            if (body.length > limit) {
                refuse(
                        response,
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "Request body too large",
                        "the request body has more than " + limit + " bytes; at most " + limit + " are accepted");
                return;
            }
            request = new BufferedRequestBody(request, body);
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isDocument(String contentType) {
        return contentType != null && (contentType.startsWith("text/markdown") || contentType.startsWith("text/plain"));
    }

    private static String unsafeParameter(HttpServletRequest request) {
        String path = request.getRequestURI();
        try {
            String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            String problem = UnsafeText.problem(decoded);
            if (problem != null) {
                return "the path " + problem;
            }
        } catch (IllegalArgumentException malformed) {
            return "the path is not validly URL-encoded";
        }
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String problem = UnsafeText.problem(parameter.getKey());
            if (problem != null) {
                return "a query parameter name " + problem;
            }
            for (String value : parameter.getValue()) {
                problem = UnsafeText.problem(value);
                if (problem != null) {
                    return "query parameter '" + parameter.getKey() + "' " + problem;
                }
            }
        }
        return null;
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemResponses.write(json, response, status, title, detail);
    }
}
