package dev.qcurate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.devstack.ServiceJar;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scenario (4): a contract-format history written straight to a topic of its own, consumed by a fresh query
 * service, then {@code POST /api/admin/rebuild} timed until it is done.
 */
final class RebuildScenario {

    private final Options options;
    private final Stack stack;
    private final Report report;
    private final String reader;
    private final String admin;
    private RebuildData.Written data;

    RebuildScenario(Options options, Stack stack, Report report, String reader, String admin) {
        this.options = options;
        this.stack = stack;
        this.report = report;
        this.reader = reader;
        this.admin = admin;
    }

    /** The history written to the topic (its list and texts are what the reads and lookups use). */
    RebuildData.Written data() {
        return data;
    }

    /** Writes the history, starts a fresh query service on it and times its rebuilds; returns that service. */
    ServiceJar run() throws Exception {
        String topic = "bench-rebuild.events";
        System.out.printf(
                "bench: writing %,d events (%,d questions, a %,d-entry list) to %s ...%n",
                options.rebuildEvents(), options.questions(), options.listSize(), topic);
        RebuildData.Written data = RebuildData.write(
                stack.kafkaBootstrap, topic, options.rebuildEvents(), options.questions(), options.listSize());
        this.data = data;
        System.out.printf("bench: %,d events written in %.1f s%n", data.events(), data.secondsToWrite());
        stack.stopQueries(); // idle from here on; its CPU and memory go to the service under test
        long t0 = System.nanoTime();
        ServiceJar service = stack.extraQueryService("bench_rebuild", topic, "bench-rebuild");
        Api rebuildApi = new Api(stack.commandUrl, service.url(), 8);
        Load.lagMillis(rebuildApi, reader, data.events());
        double first = (System.nanoTime() - t0) / 1e9;
        report.rebuildFirstSeconds = first;
        report.rebuildEvents = data.events();
        System.out.printf(
                "bench: fresh query-service start + first consumption: %.1f s (%,.0f events/s)%n",
                first, data.events() / first);
        for (int rep = 0; rep < options.rebuildRepetitions(); rep++) {
            if (options.jfr() && rep == 0) {
                Profiles.start(service.pid(), "rebuild");
            }
            long started = System.nanoTime();
            Api.Answer answer = rebuildApi.postQuery(admin, "/api/admin/rebuild");
            if (answer.status() != 202) {
                throw new IllegalStateException("rebuild refused: " + answer.status() + " " + answer.body());
            }
            while (true) {
                Thread.sleep(50);
                JsonNode status = rebuildApi.get(admin, "/api/admin/rebuild").body();
                if ("DONE".equals(status.path("state").asText())) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (options.jfr() && rep == 0) {
                Path file = Files.createDirectories(options.out().resolve("profiles"))
                        .resolve(report.stamp() + "-rebuild-query-service.jfr");
                Profiles.stop(service.pid(), "rebuild", file);
                report.profiles.put("query-service (rebuild)", Profiles.summarise(file, 15));
            }
            report.rebuild.add(data.events() / seconds);
            System.out.printf(
                    "bench: rebuild of %,d events: %.1f s, %,.0f events/s (load %.2f)%n",
                    data.events(), seconds, data.events() / seconds, Machine.loadAverage());
        }
        report.note("rebuild", Machine.loadAverage());
        return service;
    }
}
