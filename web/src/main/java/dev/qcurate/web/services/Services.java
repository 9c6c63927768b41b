package dev.qcurate.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.web.config.WebProperties;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The two services the workspace is a front end for. */
@Component
public class Services {

    private final ServiceEndpoint command;
    private final ServiceEndpoint query;

    Services(WebProperties properties, RestClient.Builder builder, ObjectMapper json) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        command =
                new ServiceEndpoint("command-service", properties.commandUrl(), builder.clone(), requests, json, false);
        query = new ServiceEndpoint("query-service", properties.queryUrl(), builder.clone(), requests, json, true);
    }

    /** command-service: every change. */
    public ServiceEndpoint command() {
        return command;
    }

    /** query-service: every read, after the session's last write. */
    public ServiceEndpoint query() {
        return query;
    }

    /** Exchanges a username and password for a token; 401 and 429 come back as {@link ServiceProblem}. */
    public SignedInUser signIn(String username, String password) {
        JsonNode answer = command.anonymousPost("/api/auth/token", Map.of("username", username, "password", password));
        Set<String> roles = new LinkedHashSet<>();
        answer.path("roles").forEach(role -> roles.add(role.asText()));
        Instant expiresAt = Instant.now().plusSeconds(answer.path("expiresIn").asLong(3600));
        return new SignedInUser(
                username, Set.copyOf(roles), answer.path("accessToken").asText(), expiresAt);
    }
}
