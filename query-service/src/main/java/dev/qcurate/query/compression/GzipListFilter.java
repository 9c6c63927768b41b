package dev.qcurate.query.compression;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Gzip for answers that carry a strong ETag (list versions and their exports): when {@code Accept-Encoding} allows
 * it, the body is served compressed — compressed once per ETag ({@link GzipBodies}) — under its own strong ETag, and
 * {@code Vary: Accept-Encoding} tells caches the answer depends on it. The controller stays unaware: it sees
 * {@code If-None-Match} translated to its identity tags, so revalidation (304) works for both representations.
 */
final class GzipListFilter extends OncePerRequestFilter {

    private final GzipBodies bodies;

    GzipListFilter(GzipBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean gzip = Negotiation.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String ifNoneMatch = Negotiation.ifNoneMatchFor(request.getHeader(HttpHeaders.IF_NONE_MATCH), gzip);
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(new IfNoneMatch(request, ifNoneMatch), buffered);
        String etag = buffered.getHeader(HttpHeaders.ETAG);
        String gzipTag = Negotiation.gzipTag(etag);
        int status = buffered.getStatus();
        if (gzipTag == null || (status != HttpServletResponse.SC_OK && status != HttpServletResponse.SC_NOT_MODIFIED)) {
            buffered.copyBodyToResponse(); // errors, untagged and weakly tagged answers pass as they are
            return;
        }
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (!gzip) {
            buffered.copyBodyToResponse();
            return;
        }
        response.setHeader(HttpHeaders.ETAG, gzipTag);
        if (status == HttpServletResponse.SC_NOT_MODIFIED) {
            buffered.copyBodyToResponse();
            return;
        }
        byte[] body = bodies.of(etag, buffered.getContentAsByteArray());
        response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request with {@code If-None-Match} replaced (null: absent). */
    private static final class IfNoneMatch extends HttpServletRequestWrapper {

        private final String value;

        IfNoneMatch(HttpServletRequest request, String value) {
            super(request);
            this.value = value;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(name) ? value : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(name)) {
                return super.getHeaders(name);
            }
            return value == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(value));
        }
    }
}
