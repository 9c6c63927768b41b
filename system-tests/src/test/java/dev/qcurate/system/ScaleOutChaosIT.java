package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.devstack.LocalPostgres;
import dev.qcurate.devstack.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-service and two query-service processes under continuous keyed load (clients retry every unknown
 * outcome with the same Idempotency-Key), while everything fails in turn: each instance SIGKILLed and restarted, the
 * broker stopped and started, PostgreSQL restarted, a rebuild asked of both query instances at once (one runs, the
 * other is refused) and its owner SIGKILLed mid-rebuild. Afterwards every stored command is in the read model exactly
 * once, the read model equals a clean rebuild, and every query instance's duplicate index finds every question.
 */
@Timeout(value = 1800, unit = TimeUnit.SECONDS)
class ScaleOutChaosIT {

    private static final String TAG = "chaos";
    /**
     * Generous for a shared 2-core machine, where a service takes 20–55 s to start, and minutes when other builds
     * run beside it; bounded all the same.
     */
    private static final Duration PROGRESS = Duration.ofSeconds(180);

    private static final Duration RESTART = Duration.ofSeconds(420);

    @TempDir
    static Path data;

    private static LocalPostgres postgres;
    private static ScaledSystem system;
    private static Stores stores;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start(data.resolve("pg"), 0);
        system = ScaledSystem.start(
                "chaos",
                postgres,
                2,
                // a claim left by a killed instance lapses quickly, so that its client's retry runs the command
                Map.of("QCURATE_IDEMPOTENCY_ABANDONED_AFTER", "PT5S"),
                2,
                // small rebuild batches, so that a rebuild lasts long enough to be killed in the middle
                Map.of("QCURATE_REBUILD_MAX_POLL_RECORDS", "10"));
        stores = new Stores(system.jdbcUrl);
    }

    @AfterAll
    static void stop() throws Exception {
        TestInfrastructure.kafka().start(); // in case the test failed while it was down
        if (system != null) {
            system.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyFaultInTurnUnderKeyedLoadLosesAndDoublesNothingOnAnyInstance() throws Exception {
        List<Client> editors = List.of(system.as("editor", 0, 0), system.as("editor", 1, 0));
        List<Client> reviewers = List.of(system.as("reviewer", 0, 0), system.as("reviewer", 1, 0));
        // paced (about 20 commands/s in all): steady traffic through every fault, not a saturated machine on which each
        // restart, rebuild and final check takes minutes
        KeyedLoad load = new KeyedLoad(editors, reviewers, TAG, 4, Duration.ofMillis(150));
        try (load) {
            awaitStored(load, 20);

            // each instance SIGKILLed once, a command and a query instance at a time, and started again
            killAndRestart(load, system.commands.get(0), system.queries.get(1));
            killAndRestart(load, system.commands.get(1), system.queries.get(0));

            TestInfrastructure.kafka().stop();
            try {
                awaitStored(load, 10); // commands are accepted while the broker is away
            } finally {
                TestInfrastructure.kafka().start();
            }

            int port = postgres.port();
            int unknownBefore = unknownOutcomes(load);
            postgres.close();
            await("the load meets the database outage", PROGRESS, () -> unknownOutcomes(load) > unknownBefore);
            postgres = LocalPostgres.start(data.resolve("pg"), port);
            awaitStored(load, 10);

            rebuildKilledMidway(system.as("admin", 0, 0), system.as("admin", 0, 1));
            awaitStored(load, 10); // commands keep coming after the switch
        }

        assertThat(load.unsettled).as("commands whose outcome stayed unknown").isEmpty();
        assertThat(load.answers.keySet())
                .as("answers of the load: %s", load.answers)
                .noneMatch(answer -> answer.startsWith("500"));
        load.assertEveryStoredCommandProjectedOnce(stores, system.topic);
        stores.assertNoPartialTraces();
        stores.assertEqualsCleanRebuild(system.as("admin"), Duration.ofSeconds(240));
        for (int instance = 0; instance < system.queries.size(); instance++) {
            assertDuplicateIndexFindsEveryQuestion(system.as("editor", 0, instance), load);
        }
    }

    private static void killAndRestart(KeyedLoad load, ServiceProcess command, ServiceProcess query) throws Exception {
        command.kill();
        query.kill();
        awaitStored(load, 5); // through the surviving command instance, projected by the surviving query instance
        ExecutorService restarts = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> started = List.of(
                    restarts.submit(() -> {
                        command.start(RESTART);
                        return null;
                    }),
                    restarts.submit(() -> {
                        query.start(RESTART);
                        return null;
                    }));
            for (Future<?> restart : started) {
                restart.get(RESTART.toSeconds() + 30, TimeUnit.SECONDS);
            }
        } finally {
            restarts.shutdownNow();
        }
        awaitStored(load, 5);
    }

    /**
     * A rebuild asked of both query instances at the same moment runs once (the other is answered 409); its owner is
     * SIGKILLed mid-rebuild and started again; the run is resumed and reports DONE only after the switch.
     */
    private static void rebuildKilledMidway(Client... admins) throws Exception {
        CountDownLatch ready = new CountDownLatch(admins.length);
        ExecutorService both = Executors.newFixedThreadPool(admins.length);
        List<Future<Client.Answer>> asked = new ArrayList<>();
        for (Client admin : admins) {
            asked.add(both.submit(() -> {
                ready.countDown();
                ready.await();
                return admin.postToQueryService("/api/admin/rebuild", Map.of());
            }));
        }
        Map<Integer, Integer> statuses = new HashMap<>();
        int owner = -1;
        for (int i = 0; i < asked.size(); i++) {
            Client.Answer answer = asked.get(i).get(60, TimeUnit.SECONDS);
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() == 202) {
                owner = i;
            }
        }
        both.shutdown();
        assertThat(statuses).as("one rebuild starts, the other is refused").isEqualTo(Map.of(202, 1, 409, 1));

        Client other = admins[1 - owner];
        await(
                "the rebuild makes progress",
                PROGRESS,
                () -> other.query("/api/admin/rebuild").body().path("position").asLong() > 0);
        JsonNode midway = other.query("/api/admin/rebuild").body();
        assertThat(midway.path("state").asText()).isEqualTo("RUNNING");
        assertThat(midway.path("progress").asDouble()).as("killed midway").isLessThan(1.0);

        ServiceProcess rebuilding = system.queries.get(owner);
        rebuilding.kill();
        assertThat(other.query("/api/admin/rebuild").text("state"))
                .as("not DONE after its owner died")
                .isEqualTo("RUNNING");
        rebuilding.start(RESTART);
        await(
                "the rebuild resumed and DONE",
                Duration.ofSeconds(240),
                () -> "DONE".equals(other.query("/api/admin/rebuild").text("state")));
    }

    /** The instance's own duplicate index (fed by its topic tail) finds each acknowledged question by its text. */
    private static void assertDuplicateIndexFindsEveryQuestion(Client editor, KeyedLoad load) {
        long head = stores.eventStoreHead();
        List<Map.Entry<String, String>> questions = new ArrayList<>(load.acknowledged.entrySet());
        List<String> missing = new ArrayList<>();
        for (int from = 0; from < questions.size(); from += 200) {
            List<Map.Entry<String, String>> chunk = questions.subList(from, Math.min(questions.size(), from + 200));
            List<Map<String, String>> items = chunk.stream()
                    .map(question -> Map.of("id", UUID.randomUUID().toString(), "text", question.getKey()))
                    .toList();
            Client.Answer found = readEventually(() -> editor.postToQueryService(
                    "/api/duplicates/batch?minPosition=" + head, Map.of("items", items, "limit", 50)));
            assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
            for (int i = 0; i < chunk.size(); i++) {
                List<String> candidates = new ArrayList<>();
                found.body()
                        .path("items")
                        .path(i)
                        .path("candidates")
                        .forEach(candidate ->
                                candidates.add(candidate.path("questionId").asText()));
                if (!candidates.contains(chunk.get(i).getValue())) {
                    missing.add(chunk.get(i).getKey());
                }
            }
        }
        assertThat(missing).as("questions the duplicate index does not find").isEmpty();
    }

    /** minPosition waits 5 s at most; on this loaded machine a few tries may be needed. */
    private static Client.Answer readEventually(java.util.function.Supplier<Client.Answer> read) {
        Client.Answer answer = read.get();
        for (int attempt = 1; attempt < 6 && answer.status() == 503; attempt++) {
            answer = read.get();
        }
        return answer;
    }

    private static int unknownOutcomes(KeyedLoad load) {
        return load.answers.entrySet().stream()
                .filter(answer ->
                        answer.getKey().startsWith("503") || answer.getKey().equals("no answer"))
                .mapToInt(answer -> answer.getValue().get())
                .sum();
    }

    private static void awaitStored(KeyedLoad load, int more) throws InterruptedException {
        int target = load.stored() + more;
        await(more + " more commands stored", PROGRESS, () -> load.stored() >= target);
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within %s", what, timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
