package dev.qcurate.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for command-service or query-service in the web module's page tests: it answers each
 * "METHOD path" with what the test set up (status, headers, body), records every request, and answers 404
 * problem+json to anything else. The tests are about how the workspace maps answers, so canned answers are the point;
 * the browser tests in system-tests run against the real services.
 */
public final class FakeService implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A canned answer. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of());
        }

        public static Answer problem(int status, String detail) {
            return new Answer(
                    status,
                    "application/problem+json",
                    "{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}",
                    Map.of());
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> all = new ConcurrentHashMap<>(headers);
            all.put(name, value);
            return new Answer(status, contentType, body, all);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answer {@code method path} (the path without its query) with {@code answer} until told otherwise. */
    public FakeService on(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    public FakeService onJson(String method, String path, String json) {
        return on(method, path, Answer.json(200, json));
    }

    /** Refuse {@code method path} with problem+json of {@code status} and {@code detail}. */
    public FakeService onProblem(String method, String path, int status, String detail) {
        return on(method, path, Answer.problem(status, detail));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The last request to {@code method path}, or null. */
    public Request last(String method, String path) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            Request request = requests.get(i);
            if (request.method().equals(method) && request.path().equals(path)) {
                return request;
            }
        }
        return null;
    }

    public void reset() {
        answers.clear();
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            Answer answer = answers.getOrDefault(
                    exchange.getRequestMethod() + " " + path, Answer.problem(404, "nothing at " + path));
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
