package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Flow;

/** Any request at all — any method, content type, body bytes, or token — for the security and fuzz tests. */
final class RawHttp {

    private static final ObjectMapper JSON = Http.JSON;

    record Answer(int status, String body, HttpResponse<String> response) {

        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private RawHttp() {}

    /** Sends the request; {@code chunked} leaves out the length, so the body travels in chunks. */
    static Answer send(String method, String url, String token, String contentType, byte[] body, boolean chunked) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : chunked
                        ? HttpRequest.BodyPublishers.fromPublisher(unsized(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
        request.method(method, publisher);
        return answer(request.build());
    }

    static Answer send(String method, String url, String token, String contentType, String body) {
        return send(
                method,
                url,
                token,
                contentType,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                false);
    }

    /** A CORS preflight from a foreign origin. */
    static Answer preflight(String url, String origin) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
        return answer(request);
    }

    private static Answer answer(HttpRequest request) {
        HttpResponse<String> response = Http.send(request);
        return new Answer(response.statusCode(), response.body(), response);
    }

    static String signIn(String commandUrl, String user, String password) {
        Answer answer = send(
                "POST",
                commandUrl + "/api/auth/token",
                null,
                "application/json",
                json(java.util.Map.of("username", user, "password", password)));
        if (answer.status() != 200) {
            throw new IllegalStateException("cannot sign in as " + user + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().path("accessToken").asText();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Flow.Publisher<ByteBuffer> unsized(byte[] body) {
        return HttpRequest.BodyPublishers.ofByteArray(body)::subscribe;
    }
}
