package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild beside the live model, on one of two query instances, while commands keep coming: the live model keeps
 * serving, the run is visible on both instances, the rebuilding instance is SIGKILLed mid-rebuild and the other one
 * resumes the run; it reports DONE only over a complete model, which then equals a clean rebuild and holds every
 * acknowledged command exactly once.
 */
class RebuildBesideLiveIT extends AgainstOneSystem {

    private ServiceProcess rebuilder;

    RebuildBesideLiveIT() {
        super("rebuild_beside");
    }

    @BeforeAll
    void startTheRebuilder() throws Exception {
        // small rebuild batches, so that the rebuild takes long enough to be killed in the middle of it
        rebuilder = startAnotherQueryService("rebuilder", Map.of("QCURATE_REBUILD_MAX_POLL_RECORDS", "3"));
    }

    @Test
    void aRebuildKilledMidwayIsResumedElsewhereAndSwitchesOnlyOverAWholeModel() throws Exception {
        Client admin = qcurate.as("admin");
        Client adminOnRebuilder = admin.onQueryService(rebuilder.url());
        Load load = new Load(qcurate.as("editor"), qcurate.as("reviewer"), "beside", 2);
        try (load) {
            Thread.sleep(15_000); // some history to rebuild
            Client.Answer started = adminOnRebuilder.postToQueryService("/api/admin/rebuild", Map.of());
            assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
            assertThat(started.text("state")).isEqualTo("RUNNING");
            String firstOwner = started.text("owner");

            JsonNode seenElsewhere = awaitProgress(admin);
            assertThat(seenElsewhere.path("state").asText())
                    .as("visible on the other instance")
                    .isEqualTo("RUNNING");
            assertThat(seenElsewhere.path("owner").asText()).isEqualTo(firstOwner);
            assertThat(seenElsewhere.path("progress").asDouble()).isLessThan(1.0);
            // the live model keeps serving meanwhile
            long head = stores.eventStoreHead();
            assertThat(readEventually(qcurate.as("reader"), "/api/questions", head))
                    .isEqualTo(200);

            rebuilder.kill();
            assertThat(admin.query("/api/admin/rebuild").text("state"))
                    .as("not DONE after the owner died")
                    .isEqualTo("RUNNING");

            JsonNode done = awaitDone(admin, Duration.ofSeconds(120));
            assertThat(done.path("owner").asText())
                    .as("resumed by the surviving instance")
                    .isNotEqualTo(firstOwner);
            Thread.sleep(3_000); // commands keep coming after the switch
        }
        assertThat(load.status(200) + load.status(202)).isPositive();
        FaultToleranceIT.assertEveryAcknowledgedChangeArrivedOnce(stores, load, "beside", false);
        stores.assertEqualsCleanRebuild(admin);

        // the instance that was killed comes back with the new model, and its duplicate index has every question
        rebuilder.start();
        String question = load.acknowledged.keySet().iterator().next();
        String text = qcurate.as("reader").query("/api/questions/" + question).text("text");
        long head = stores.eventStoreHead();
        for (Client reader :
                java.util.List.of(qcurate.as("reader"), qcurate.as("reader").onQueryService(rebuilder.url()))) {
            String path = "/api/duplicates?limit=3&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
            assertThat(readEventually(reader, path, head)).isEqualTo(200);
            Client.Answer found = reader.read(path, head);
            assertThat(found.body().path(0).path("questionId").asText()).isEqualTo(question);
        }
    }

    /** minPosition waits 5 s at most; on this loaded machine a few tries may be needed. */
    private static int readEventually(Client reader, String path, long position) throws InterruptedException {
        int status = 0;
        for (int attempt = 0; attempt < 6 && status != 200; attempt++) {
            status = reader.read(path, position).status();
        }
        return status;
    }

    private static JsonNode awaitProgress(Client admin) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status;
        do {
            Thread.sleep(100);
            status = admin.query("/api/admin/rebuild").body();
        } while (status.path("position").asLong() == 0 && System.nanoTime() < deadline);
        return status;
    }

    private static JsonNode awaitDone(Client admin, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status;
        do {
            Thread.sleep(500);
            status = admin.query("/api/admin/rebuild").body();
        } while (!"DONE".equals(status.path("state").asText()) && System.nanoTime() < deadline);
        assertThat(status.path("state").asText()).isEqualTo("DONE");
        return status;
    }
}
