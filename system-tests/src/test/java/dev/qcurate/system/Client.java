package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A signed-in user talking HTTP+JSON to both services, as curl would. */
final class Client {

    private static final ObjectMapper JSON = Http.JSON;

    record Answer(int status, JsonNode body, HttpResponse<String> response) {

        long position() {
            return Long.parseLong(
                    response.headers().firstValue("X-Qcurate-Position").orElseThrow());
        }

        String text(String field) {
            return body.path(field).asText();
        }
    }

    private final String commandUrl;
    private final String queryUrl;
    private final String token;

    private Client(String commandUrl, String queryUrl, String token) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.token = token;
    }

    static Client signIn(String commandUrl, String queryUrl, String user, String password) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(body(Map.of("username", user, "password", password)))
                .build());
        if (answer.status() != 200) {
            throw new IllegalStateException("cannot sign in as " + user + ": " + answer.body());
        }
        return new Client(commandUrl, queryUrl, answer.text("accessToken"));
    }

    /** A GET without any token. */
    static Answer anonymousRead(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    Answer post(String path, Object body) {
        return send(authorized(commandUrl + path)
                .header("Content-Type", "application/json")
                .POST(body(body))
                .build());
    }

    /** A POST with an {@code Idempotency-Key}, as a client that retries after a lost connection sends it. */
    Answer postIdempotently(String path, Object body, String key) {
        return send(authorized(commandUrl + path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(body(body))
                .build());
    }

    /** GET on the command service (its admin endpoints). */
    Answer get(String path) {
        return send(authorized(commandUrl + path).GET().build());
    }

    Answer delete(String path) {
        return send(authorized(commandUrl + path).DELETE().build());
    }

    /** The same user talking to another query-service instance. */
    Client onQueryService(String url) {
        return new Client(commandUrl, url, token);
    }

    /** GET on the query service as it is, without waiting for any position. */
    Answer query(String path) {
        return send(authorized(queryUrl + path).GET().build());
    }

    /** GET on the query service of a body that is not JSON (e.g. Prometheus metrics); {@code body} stays empty. */
    Answer queryText(String path) {
        HttpResponse<String> response =
                Http.send(authorized(queryUrl + path).GET().build());
        return new Answer(response.statusCode(), JSON.nullNode(), response);
    }

    Answer postToQueryService(String path, Object body) {
        return send(authorized(queryUrl + path)
                .header("Content-Type", "application/json")
                .POST(body(body))
                .build());
    }

    /** GET on the query service, waiting for the read model to reach {@code position}. */
    Answer read(String path, long position) {
        String separator = path.contains("?") ? "&" : "?";
        return send(authorized(queryUrl + path + separator + "minPosition=" + position)
                .GET()
                .build());
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Answer send(HttpRequest request) {
        HttpResponse<String> response = Http.send(request);
        try {
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri() + ": not JSON: " + response.body(), e);
        }
    }
}
