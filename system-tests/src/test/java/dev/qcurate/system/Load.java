package dev.qcurate.system;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients proposing tagged questions and approving every other one, until stopped. Records what the system
 * acknowledged (2xx) and what it refused or could not answer, so a test can check that every acknowledged change
 * arrived, exactly once.
 */
final class Load implements AutoCloseable {

    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();
    /** questionId → approved too (an approval got 200) */
    final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();

    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final AtomicInteger unanswered = new AtomicInteger();
    final Set<String> retryAfter = ConcurrentHashMap.newKeySet();

    Load(Client editor, Client reviewer, String tag, int clients) {
        threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            threads.submit(() -> {
                while (running.get()) {
                    step(editor, reviewer, tag);
                }
            });
        }
    }

    private void step(Client editor, Client reviewer, String tag) {
        int n = sequence.incrementAndGet();
        try {
            Client.Answer proposed = editor.post(
                    "/api/questions",
                    Map.of("text", "Fault test question " + tag + " number " + n + "?", "tags", List.of(tag)));
            count(proposed);
            if (proposed.status() != 202) {
                pause();
                return;
            }
            String questionId = proposed.text("questionId");
            acknowledged.put(questionId, false);
            if (n % 2 == 0) {
                Client.Answer approved =
                        reviewer.post("/api/proposals/" + proposed.text("proposalId") + "/approval", Map.of());
                count(approved);
                if (approved.status() == 200) {
                    acknowledged.put(questionId, true);
                }
            }
        } catch (IllegalStateException connectionFailed) {
            unanswered.incrementAndGet();
            pause();
        }
    }

    private void count(Client.Answer answer) {
        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        answer.response()
                .headers()
                .firstValue("Retry-After")
                .ifPresent(value -> retryAfter.add(answer.status() + ":" + value));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int status(int code) {
        AtomicInteger count = statuses.get(code);
        return count == null ? 0 : count.get();
    }

    long approved() {
        return acknowledged.values().stream().filter(Boolean::booleanValue).count();
    }

    /** Stops after the requests in flight have been answered. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
