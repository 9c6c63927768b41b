package dev.qcurate.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients proposing tagged questions and approving every other one, as a careful client does it: every command
 * carries an Idempotency-Key, and while its outcome is unknown (no answer, a 5xx, the key still in progress) it is sent
 * again with the same key — to the next command instance — until the answer is definite. Records the definite
 * outcomes by question text, so a test can check that each stored command is in the read model exactly once.
 */
final class KeyedLoad implements AutoCloseable {

    /** How long a command's outcome may stay unknown (outages included) before it counts as unsettled. */
    private static final Duration SETTLE = Duration.ofSeconds(150);

    private final List<Client> editors;
    private final List<Client> reviewers;
    private final String tag;
    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();

    /** text → questionId, answered 202 (first answer or its replay) */
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** texts whose retry said "Already stored": stored, its answer lost */
    final Set<String> storedAnswerLost = ConcurrentHashMap.newKeySet();
    /** questionIds whose approval was answered 200, or stored with its answer lost */
    final Set<String> approved = ConcurrentHashMap.newKeySet();
    /** texts still unknown after {@link #SETTLE} of retries */
    final Set<String> unsettled = ConcurrentHashMap.newKeySet();
    /** every answer, as "status title" (e.g. "503 Outcome unknown"), and "no answer" */
    final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    /** "status:value" of every Retry-After header seen */
    final Set<String> retryAfter = ConcurrentHashMap.newKeySet();

    /** {@code editors} and {@code reviewers}: one signed-in client per command instance; each client goes flat out. */
    KeyedLoad(List<Client> editors, List<Client> reviewers, String tag, int clients) {
        this(editors, reviewers, tag, clients, Duration.ZERO);
    }

    /** As above, each client pausing {@code pace} between its commands. */
    KeyedLoad(List<Client> editors, List<Client> reviewers, String tag, int clients, Duration pace) {
        this.editors = editors;
        this.reviewers = reviewers;
        this.tag = tag;
        threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            threads.submit(() -> {
                while (running.get()) {
                    step(client);
                    Thread.sleep(pace.toMillis());
                }
                return null;
            });
        }
    }

    private void step(int client) {
        int n = sequence.incrementAndGet();
        String text = "How do " + words(n) + " relate in " + tag + " question " + n + " of client " + client + "?";
        Client.Answer proposed = settle(editors, client, "/api/questions", Map.of("text", text, "tags", List.of(tag)));
        if (proposed == null) {
            unsettled.add(text);
            return;
        }
        if (alreadyStored(proposed)) {
            storedAnswerLost.add(text);
            return;
        }
        if (proposed.status() != 202) {
            return; // a definite refusal: nothing stored
        }
        String questionId = proposed.text("questionId");
        acknowledged.put(text, questionId);
        if (n % 2 == 0) {
            Client.Answer approval =
                    settle(reviewers, client, "/api/proposals/" + proposed.text("proposalId") + "/approval", Map.of());
            if (approval != null && (approval.status() == 200 || alreadyStored(approval))) {
                approved.add(questionId);
            }
        }
    }

    private static final List<String> WORDS = List.of(
            "amber",
            "bridge",
            "candle",
            "dolphin",
            "ember",
            "falcon",
            "glacier",
            "harbour",
            "island",
            "juniper",
            "kettle",
            "lantern",
            "meadow",
            "nutmeg",
            "orchid",
            "pebble",
            "quartz",
            "river",
            "saffron",
            "thistle",
            "umbrella",
            "violet",
            "walnut",
            "xylophone",
            "yarrow",
            "zephyr");

    /** Three words that tell question {@code n} apart from its neighbours, also for a search that ignores numbers. */
    private static String words(int n) {
        int size = WORDS.size();
        return WORDS.get(n % size) + ", " + WORDS.get(n / size % size) + " and " + WORDS.get(n / size / size % size);
    }

    /** Sends the command until its outcome is definite; null if it stayed unknown for {@link #SETTLE}. */
    private Client.Answer settle(List<Client> instances, int client, String path, Map<String, Object> body) {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            Client instance = instances.get((client + attempt) % instances.size());
            try {
                Client.Answer answer = instance.postIdempotently(path, body, key);
                count(answer.status() + " " + answer.text("title"));
                answer.response()
                        .headers()
                        .firstValue("Retry-After")
                        .ifPresent(value -> retryAfter.add(answer.status() + ":" + value));
                if (!unknown(answer)) {
                    return answer;
                }
            } catch (IllegalStateException noAnswer) {
                count("no answer");
            }
            pause();
        }
        return null;
    }

    /** 5xx (the instance or its database away, or the commit's outcome unknown), or the key still held by an attempt. */
    private static boolean unknown(Client.Answer answer) {
        return answer.status() >= 500 || (answer.status() == 409 && "Request in progress".equals(answer.text("title")));
    }

    private static boolean alreadyStored(Client.Answer answer) {
        return answer.status() == 409 && "Already stored".equals(answer.text("title"));
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
    }

    int answered(String answer) {
        AtomicInteger count = answers.get(answer);
        return count == null ? 0 : count.get();
    }

    /** Commands whose outcome is definite and stored: acknowledged, or stored with the answer lost. */
    int stored() {
        return acknowledged.size() + storedAnswerLost.size();
    }

    /**
     * Every command answered 202 (or found stored on a retry) is in the read model exactly once, with one history row
     * per stored event; nothing else of the load is there; approved ones are ACTIVE.
     */
    void assertEveryStoredCommandProjectedOnce(Stores stores, String topic) throws InterruptedException {
        stores.awaitProjected(Duration.ofSeconds(120));
        Map<String, Long> perText = new HashMap<>();
        for (String text : stores.strings("SELECT q.text FROM qcurate_query.question q WHERE ? = ANY (q.tags)", tag)) {
            perText.merge(text, 1L, Long::sum);
        }
        List<String> stored = new ArrayList<>(acknowledged.keySet());
        stored.addAll(storedAnswerLost);
        assertThat(perText.keySet())
                .as("questions of the load in the read model")
                .hasSameElementsAs(stored);
        assertThat(perText.values()).as("each exactly once").allMatch(count -> count == 1);

        Map<String, Long> history = stores.questionsTagged(tag);
        acknowledged
                .values()
                .forEach(question ->
                        assertThat(history).as("acknowledged %s", question).containsKey(question));
        for (String question : approved) {
            List<String> status =
                    stores.strings("SELECT status FROM qcurate_query.question WHERE id = ?::uuid", question);
            if (!status.equals(List.of("ACTIVE"))) {
                assertThat(status)
                        .as("approved %s: %s", question, stores.traceOf(question, topic))
                        .containsExactly("ACTIVE");
            }
        }
        long storedSteps = stores.number(
                "SELECT count(*) FROM qcurate_command.domain_event_entry e WHERE e.aggregate_identifier IN ("
                        + "SELECT aggregate_identifier FROM qcurate_command.domain_event_entry WHERE payload_type ="
                        + " 'dev.qcurate.shared.question.QuestionProposedEvent' AND convert_from(payload, 'UTF8') LIKE ?)",
                "%\"" + tag + "\"%");
        assertThat(history.values().stream().mapToLong(Long::longValue).sum())
                .as("history rows (one per question event, never doubled)")
                .isEqualTo(storedSteps);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops starting commands and waits until those under way are settled. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        if (!threads.awaitTermination(SETTLE.toSeconds() + 30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
