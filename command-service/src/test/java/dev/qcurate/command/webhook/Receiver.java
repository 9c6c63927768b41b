package dev.qcurate.command.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP receiver for the webhook tests: each path answers with the status its script gives for the n-th
 * request (1-based) and records every request with its headers and body.
 */
final class Receiver implements AutoCloseable {

    record Received(Instant at, String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final Map<String, IntUnaryOperator> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code path} answers the status {@code script} gives for the n-th request to it. */
    String url(String path, IntUnaryOperator script) {
        scripts.put(path, script);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until {@code path} got {@code count} requests; returns them all. */
    List<Received> await(String path, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (at(path).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return at(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        received.add(new Received(Instant.now(), path, headers, body));
        int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        int status = scripts.getOrDefault(path, i -> 404).applyAsInt(n);
        byte[] answer = ("answer " + n + " from " + path).getBytes();
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<String> deliveryIds(List<Received> requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(r.header(WebhookSender.DELIVERY_HEADER)));
        return ids;
    }
}
