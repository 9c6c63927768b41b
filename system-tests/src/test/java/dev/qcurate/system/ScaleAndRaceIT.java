package dev.qcurate.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races between reviewers on the same questions, and two query-service instances sharing one read database.
 */
@Timeout(value = 150, unit = java.util.concurrent.TimeUnit.SECONDS)
class ScaleAndRaceIT extends AgainstOneSystem {

    private static final Pattern APPLIED = Pattern.compile("(?m)^qcurate_projection_events_applied_total\\S* (\\S+)$");

    ScaleAndRaceIT() {
        super("races");
    }

    /**
     * Per round, at the same moment: four approvals that each need question A at revision 1 (reword A by two
     * reviewers, retire A, merge A into B), merges C into D and D into C, and a tag change of B (which a merge into B
     * makes stale). Exactly one of the four on A wins and the read model shows its effect; exactly one of the two
     * merges wins; the rest get 409, nobody a 5xx; no question ends in an impossible state; no proposal is applied
     * twice; the read model equals a clean rebuild.
     */
    @Test
    void ofConcurrentConflictingChangesExactlyOneWinsAndNoAggregateEndsInAnImpossibleState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String a = activeQuestion("Race " + round + ": what is a closure?", List.of("race"));
                String b = activeQuestion("Race " + round + ": what is a lexical closure?", List.of("race"));
                String c = activeQuestion("Race " + round + ": what is a coroutine?", List.of("race"));
                String d = activeQuestion("Race " + round + ": what is a generator-based coroutine?", List.of("race"));
                String reword = propose(
                        "/api/questions/" + a + "/rewordings",
                        Map.of("text", "Race " + round + ": what is a closure in JavaScript?", "baseRevision", 1));
                String retire = propose("/api/questions/" + a + "/retirement", Map.of("reason", "race " + round));
                String mergeAB = propose("/api/merges", Map.of("sourceId", a, "targetId", b));
                String mergeCD = propose("/api/merges", Map.of("sourceId", c, "targetId", d));
                String mergeDC = propose("/api/merges", Map.of("sourceId", d, "targetId", c));
                String tagB = propose(
                        "/api/questions/" + b + "/tags", Map.of("add", List.of("race" + round), "remove", List.of()));

                CountDownLatch go = new CountDownLatch(1);
                Future<Integer> reworded = pool.submit(() -> approve(go, reviewer, reword));
                Future<Integer> rewordedAgain = pool.submit(() -> approve(go, reviewer2, reword));
                Future<Integer> retired = pool.submit(() -> approve(go, reviewer, retire));
                Future<Integer> merged = pool.submit(() -> approve(go, reviewer2, mergeAB));
                Future<Integer> cd = pool.submit(() -> approve(go, reviewer, mergeCD));
                Future<Integer> dc = pool.submit(() -> approve(go, reviewer2, mergeDC));
                Future<Integer> tagged = pool.submit(() -> approve(go, reviewer, tagB));
                go.countDown();

                List<Integer> onA = List.of(reworded.get(), rewordedAgain.get(), retired.get(), merged.get());
                List<Integer> merges = List.of(cd.get(), dc.get());
                assertThat(onA)
                        .as("round %d: approvals needing A at revision 1", round)
                        .containsOnly(200, 409);
                assertThat(onA.stream().filter(status -> status == 200).count())
                        .as("round %d: winners %s", round, onA)
                        .isOne();
                assertThat(merges).as("round %d: C into D, D into C", round).containsExactlyInAnyOrder(200, 409);
                assertThat(tagged.get()).as("round %d: tag change of B", round).isIn(200, 409);

                // concurrent commands may be published out of position order: wait for all of them, not the highest
                stores.awaitProjected(Duration.ofSeconds(30));
                var question = reader.read("/api/questions/" + a, stores.eventStoreHead())
                        .body();
                if (onA.get(0) == 200 || onA.get(1) == 200) {
                    assertThat(question.path("text").asText()).endsWith("in JavaScript?");
                    assertThat(question.path("status").asText()).isEqualTo("ACTIVE");
                } else if (onA.get(2) == 200) {
                    assertThat(question.path("status").asText()).isEqualTo("RETIRED");
                } else {
                    assertThat(question.path("status").asText()).isEqualTo("MERGED");
                    assertThat(question.path("mergedInto").asText()).isEqualTo(b);
                }
                assertThat(question.path("revision").asInt()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        stores.awaitProjected(Duration.ofSeconds(60));
        assertThat(stores.number("SELECT count(*) FROM qcurate_query.proposal WHERE status = 'APPLIED'"
                        + " AND cardinality(approvers) > 1"))
                .as("a proposal applied twice")
                .isZero();
        stores.assertNoPartialTraces();
        stores.assertEqualsCleanRebuild(admin);
    }

    /**
     * A second query service joins the consumer group: only one of them projects (the applied counters add up to the
     * number of new events, one of them zero), both answer reads with minPosition; stopping the one that projects
     * hands the partition to the other, which continues without loss.
     */
    @Test
    void twoQueryServicesShareTheReadModelAndHandOverWithoutLossOrDoubleWork() throws Exception {
        ServiceProcess second = qcurate.anotherQueryService("second");
        second.start();
        ServiceProcess stopped = null;
        try {
            Client first = admin;
            Client other = admin.onQueryService(second.url());
            stores.awaitProjected(Duration.ofSeconds(60));
            Thread.sleep(3_000); // the group has rebalanced
            double firstBefore = applied(first);
            double otherBefore = applied(other);
            long headBefore = stores.eventStoreHead();

            Load load = new Load(editor, reviewer, "two-instances", 2);
            try (load) {
                Thread.sleep(3_000);
            }
            stores.awaitProjected(Duration.ofSeconds(60));
            long newEvents = stores.number(
                    "SELECT count(*) FROM qcurate_command.domain_event_entry" + " WHERE global_index > ?", headBefore);
            double byFirst = applied(first) - firstBefore;
            double bySecond = applied(other) - otherBefore;
            assertThat(byFirst + bySecond)
                    .as("events applied by both instances together")
                    .isEqualTo(newEvents);
            assertThat(Math.min(byFirst, bySecond))
                    .as("one instance owns the partition")
                    .isZero();
            String question = load.acknowledged.keySet().iterator().next();
            long head = stores.eventStoreHead();
            assertThat(qcurate.as("reader")
                            .read("/api/questions/" + question, head)
                            .status())
                    .isEqualTo(200);
            assertThat(qcurate.as("reader")
                            .onQueryService(second.url())
                            .read("/api/questions/" + question, head)
                            .status())
                    .isEqualTo(200);

            // stop the owner; the survivor takes over
            boolean firstOwns = byFirst > 0;
            stopped = firstOwns ? qcurate.queries : second;
            Client survivor = firstOwns ? other : first;
            stopped.stop();
            Load after = new Load(editor, reviewer, "handed-over", 2);
            try (after) {
                Thread.sleep(3_000);
            }
            FaultToleranceIT.assertEveryAcknowledgedChangeArrivedOnce(stores, after, "handed-over", true);
            long last = stores.eventStoreHead();
            String late = after.acknowledged.keySet().iterator().next();
            assertThat(qcurate.as("reader")
                            .onQueryService(firstOwns ? second.url() : qcurate.queries.url())
                            .read("/api/questions/" + late, last)
                            .status())
                    .isEqualTo(200);
            stores.assertEqualsCleanRebuild(survivor);
        } finally {
            if (stopped == qcurate.queries) {
                qcurate.queries.start();
            }
            second.close();
        }
    }

    private static double applied(Client client) {
        Client.Answer metrics = client.queryText("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        Matcher matcher = APPLIED.matcher(metrics.response().body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static int approve(CountDownLatch go, Client who, String proposal) throws InterruptedException {
        go.await();
        return who.post("/api/proposals/" + proposal + "/approval", Map.of()).status();
    }

    private String propose(String path, Map<String, Object> body) {
        Client.Answer answer = editor.post(path, body);
        assertThat(answer.status()).as("%s %s", path, answer.body()).isEqualTo(202);
        return answer.text("proposalId");
    }
}
