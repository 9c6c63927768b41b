package dev.qcurate.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.*;
import java.util.concurrent.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-service instances on one event store, each with its own aggregate cache: a command never applies on
 * a copy the other instance has changed meanwhile (it is run again on fresh state, or answered 409, never 500),
 * an aggregate created on both at once exists once, and the login throttle counts failures on both.
 */
class TwoCommandInstancesIT {

    private static ScaledSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = ScaledSystem.start("two_commands", 2, Map.of(), 1);
    }

    @AfterAll
    static void stop() throws Exception {
        system.close();
    }

    @Test
    void aCommandOnAStaleCachedListIsJudgedOnFreshState() throws Exception {
        Client first = system.as("admin", 0, 0);
        Client second = system.as("admin", 1, 0);
        Client.Answer created = first.post("/api/lists", Map.of("name", "stale-cache-list"));
        assertThat(created.status()).isEqualTo(201);
        String list = created.text("listId");
        assertThat(first.read("/api/lists/" + list, created.position()).status())
                .isEqualTo(200);
        String releases = "/api/lists/" + list + "/releases";

        assertThat(second.post(releases, Map.of("label", "r1", "version", 0)).status())
                .isEqualTo(201);
        // the first instance still has the list without r1 in its cache: its append collides, and the retry on
        // fresh state finds r1 taken
        Client.Answer again = first.post(releases, Map.of("label", "r1", "version", 0));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(409);
        assertThat(second.post(releases, Map.of("label", "r2", "version", 0)).status())
                .isEqualTo(201);
        assertThat(first.post(releases, Map.of("label", "r3", "version", 0)).status())
                .isEqualTo(201);

        assertThat(releasedLabels(list)).containsExactly("r1", "r2", "r3");
    }

    @Test
    void concurrentCommandsOnBothInstancesAreAppliedOnceOrRefusedWith409() throws Exception {
        Client[] admins = {system.as("admin", 0, 0), system.as("admin", 1, 0)};
        Client.Answer created = admins[0].post("/api/lists", Map.of("name", "contended-list"));
        String list = created.text("listId");
        assertThat(admins[0].read("/api/lists/" + list, created.position()).status())
                .isEqualTo(200);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Client admin = admins[i % 2];
            String label = "c" + i;
            answers.add(pool.submit(
                    () -> admin.post("/api/lists/" + list + "/releases", Map.of("label", label, "version", 0))
                            .status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).as("no command fails with a server error").allMatch(s -> s == 201 || s == 409);
        long applied = statuses.stream().filter(s -> s == 201).count();
        assertThat(applied).as("collisions are resolved by running again").isGreaterThanOrEqualTo(10);
        assertThat(releasedLabels(list)).hasSize((int) applied).doesNotHaveDuplicates();
        assertThat(sequenceNumbers(list))
                .as("one event per sequence number, none skipped")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(0, applied)
                        .boxed()
                        .toList());
    }

    @Test
    void aUserRegisteredOnBothInstancesAtOnceExistsOnceAndTheOtherGets409() throws Exception {
        Client[] admins = {system.as("admin", 0, 0), system.as("admin", 1, 0)};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 5; round++) {
            String name = "twin" + round;
            CountDownLatch ready = new CountDownLatch(2);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Client admin : admins) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return admin.post(
                                    "/api/admin/users",
                                    Map.of(
                                            "username",
                                            name,
                                            "password",
                                            "olive thunder parcel",
                                            "roles",
                                            List.of("READER")))
                            .status();
                }));
            }
            List<Integer> statuses = List.of(
                    answers.get(0).get(60, TimeUnit.SECONDS), answers.get(1).get(60, TimeUnit.SECONDS));
            assertThat(statuses).as(name).containsExactlyInAnyOrder(201, 409);
        }
        pool.shutdown();
    }

    @Test
    void failedSignInsOnEitherInstanceCountTowardsOneLockout() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(i % 2, "reader", "wrong-password")).isEqualTo(401);
        }
        assertThat(signIn(0, "reader", ScaledSystem.PASSWORD)).isEqualTo(429);
        assertThat(signIn(1, "reader", ScaledSystem.PASSWORD)).isEqualTo(429);
    }

    private static int signIn(int instance, String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.commandUrls.get(instance) + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<String> releasedLabels(String list) {
        return new Stores(system.jdbcUrl).strings("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'label' FROM qcurate_command.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%ListReleasedEvent'
                ORDER BY sequence_number""", list);
    }

    private static List<Long> sequenceNumbers(String list) {
        List<String> numbers = new Stores(system.jdbcUrl).strings("""
                SELECT sequence_number FROM qcurate_command.domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number""", list);
        return numbers.stream().map(Long::parseLong).toList();
    }
}
