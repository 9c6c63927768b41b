package dev.qcurate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/** The public HTTP API as a signed-in user sees it: JSON in, status + JSON + position header out. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body, long position) {

        String text(String field) {
            return body.path(field).asText();
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final String commandUrl;
    private final String queryUrl;

    Api(String commandUrl, String queryUrl, int connections) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, Math.min(connections, 8)), daemon()))
                .build();
    }

    String commandUrl() {
        return commandUrl;
    }

    String queryUrl() {
        return queryUrl;
    }

    String signIn(String user, String password) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(commandUrl + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(body(Map.of("username", user, "password", password)))
                .build());
        if (answer.status() != 200) {
            throw new IllegalStateException(
                    "cannot sign in as " + user + " (" + answer.status() + "): " + answer.body());
        }
        return answer.text("accessToken");
    }

    Answer post(String token, String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(commandUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(body(body))
                .build());
    }

    Answer postQuery(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    Answer get(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    /** A GET whose body is not parsed, for read load: only the status and size matter. */
    int getDiscarding(String token, String path) {
        return getDiscarding(token, path, false);
    }

    /** {@code gzip}: asks for a compressed body (the client does not decompress it; the bytes are discarded). */
    int getDiscarding(String token, String path, boolean gzip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(queryUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            long position = response.headers()
                    .firstValue("X-Qcurate-Position")
                    .map(Long::parseLong)
                    .orElse(-1L);
            return new Answer(response.statusCode(), body, position);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        };
    }
}
