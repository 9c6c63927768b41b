package dev.qcurate.command.curatedlist;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;
import java.util.UUID;

/**
 * Asks the query service for a list's current version: versions are numbered by the query side's deduplicated view,
 * which only it computes. The request waits ({@code minPosition}) until the query side has applied the newest event
 * stored so far, and with it every change acknowledged before that event's command began; a change committed in the
 * same instant may land in the next version. The answer names the version released. Carries the caller's token.
 */
@Component
class ListVersionLookup {

    private final RestClient http;
    private final JdbcTemplate jdbc;

    ListVersionLookup(
            RestClient.Builder builder, JdbcTemplate jdbc, @Value("${qcurate.query-service-url}") String queryService) {
        this.http = builder.baseUrl(queryService).build();
        this.jdbc = jdbc;
    }

    int currentVersion(UUID listId) {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        try {
            Map<?, ?> list = http.get()
                    .uri("/api/lists/{id}?minPosition={position}", listId, head)
                    .headers(headers -> headers.setBearerAuth(callerToken()))
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        if (response.getStatusCode().value() == 404) {
                            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no list " + listId);
                        }
                        throw new ResponseStatusException(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "the query service could not tell the list's version (" + response.getStatusCode()
                                        + "); retry later");
                    })
                    .body(Map.class);
            return ((Number) list.get("version")).intValue();
        } catch (RestClientException e) {
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "the query service cannot be reached to tell the list's version; retry later",
                    e);
        }
    }

    private static String callerToken() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        throw new IllegalStateException("releases need a bearer token to forward to the query service");
    }
}
