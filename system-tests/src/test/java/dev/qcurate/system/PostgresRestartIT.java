package dev.qcurate.system;

import dev.qcurate.devstack.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped and started again (same port, same data) under load, on a server of this test's own: while it
 * is down both services answer 503 with Retry-After and report DOWN; afterwards they reconnect by themselves and
 * nothing acknowledged is lost. A command caught by the shutdown in its COMMIT has an unknown outcome: its client
 * sends it again with the same Idempotency-Key, and it ends up stored exactly once or not at all.
 */
@Timeout(value = 150, unit = java.util.concurrent.TimeUnit.SECONDS)
class PostgresRestartIT extends AgainstOneSystem {

    @TempDir
    static Path data;

    private LocalPostgres postgres;

    PostgresRestartIT() {
        super("pgrestart");
    }

    /** The system on a PostgreSQL of this test's own, which it stops and starts. */
    @Override
    Qcurate start(String name) throws Exception {
        postgres = LocalPostgres.start(data.resolve("pg"), 0);
        // a claim whose answer could not be kept while the database was away lapses soon, so its retry settles
        return Qcurate.start(name, postgres, Map.of("QCURATE_IDEMPOTENCY_ABANDONED_AFTER", "PT5S"));
    }

    @Override
    void stopTheSystem() throws Exception {
        try {
            super.stopTheSystem();
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void servicesAnswer503WhileTheDatabaseIsDownAndLoseNothingAcknowledged() throws Exception {
        Stores stores = new Stores(qcurate);
        Client editor = qcurate.as("editor");
        Client reviewer = qcurate.as("reviewer");
        Client reader = qcurate.as("reader");
        int port = postgres.port();

        KeyedLoad load = new KeyedLoad(List.of(editor), List.of(reviewer), "pg-restart", 3);
        try (load) {
            Thread.sleep(2_000);
            postgres.close();

            Client.Answer command = editor.post("/api/questions", Map.of("text", "Is the database down?"));
            assertThat(command.status())
                    .as("command while PostgreSQL is down: %s", command.body())
                    .isEqualTo(503);
            assertThat(command.response().headers().firstValue("Retry-After")).isPresent();
            Client.Answer query = reader.read("/api/questions", 1);
            assertThat(query.status())
                    .as("query while PostgreSQL is down: %s", query.body())
                    .isEqualTo(503);
            assertThat(query.response().headers().firstValue("Retry-After")).isPresent();
            assertThat(health(qcurate.commands.url())).isEqualTo(503);
            assertThat(health(qcurate.queries.url())).isEqualTo(503);

            postgres = LocalPostgres.start(data.resolve("pg"), port);
            awaitAccepted(editor, Duration.ofSeconds(40));
            Thread.sleep(1_500);
        }
        assertThat(load.answers.keySet())
                .as("no 500 while the database was away: %s", load.answers)
                .noneMatch(answer -> answer.startsWith("500"));
        assertThat(load.answers.keySet()).as("503s seen by the load").anyMatch(answer -> answer.startsWith("503"));
        assertThat(load.retryAfter).allMatch(value -> value.startsWith("503:") || value.equals("409:1"));
        assertThat(load.unsettled).as("commands whose outcome stayed unknown").isEmpty();
        load.assertEveryStoredCommandProjectedOnce(stores, qcurate.topic);
        // the relay's processor retries with a growing back-off after the outage; it must come back by itself
        awaitHealthy(qcurate.commands.url(), Duration.ofSeconds(90));
        awaitHealthy(qcurate.queries.url(), Duration.ofSeconds(20));
        stores.assertNoPartialTraces();
        stores.assertEqualsCleanRebuild(qcurate.as("admin"));
    }

    private static void awaitAccepted(Client editor, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Client.Answer answer =
                    editor.post("/api/questions", Map.of("text", "Is the database back?", "tags", List.of("pg-probe")));
            if (answer.status() == 202) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("accepted again after restart, last %s", answer.body())
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static void awaitHealthy(String url, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (health(url) != 200) {
            assertThat(System.nanoTime()).as("%s healthy again", url).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static int health(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
