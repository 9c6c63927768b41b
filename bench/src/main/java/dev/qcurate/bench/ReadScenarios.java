package dev.qcurate.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;

/** Scenarios (5) list reads and (6) duplicate lookups, against the query service under test. */
final class ReadScenarios {

    private final Options options;
    private final Report report;
    private final CpuMeter cpu;
    private final Api api;
    private final String reader;
    private final long queryPid;

    ReadScenarios(Options options, Report report, CpuMeter cpu, Api api, String reader, long queryPid) {
        this.options = options;
        this.report = report;
        this.cpu = cpu;
        this.api = api;
        this.reader = reader;
        this.queryPid = queryPid;
    }

    // -------------------------------------------------------------------------------------------- (5) list reads

    void reads(RebuildData.Written data) throws Exception {
        UUID list;
        int oldVersion;
        if (data != null) {
            list = data.listId();
            oldVersion = Math.max(1, data.listVersions() / 2);
        } else {
            JsonNode lists = api.get(reader, "/api/lists").body();
            JsonNode largest = null;
            for (JsonNode l : lists) {
                if (largest == null
                        || l.path("size").asInt() > largest.path("size").asInt()) {
                    largest = l;
                }
            }
            if (largest == null) {
                System.out.println("bench: no list to read; reads skipped");
                return;
            }
            list = UUID.fromString(largest.path("listId").asText());
            oldVersion = Math.max(1, largest.path("version").asInt() / 2);
        }
        JsonNode latest = api.get(reader, "/api/lists/" + list).body();
        report.listSize = latest.path("entries").size();
        report.listOldVersion = oldVersion;
        String[] paths = {"/api/lists/" + list, "/api/lists/" + list + "?version=" + oldVersion, "/api/lists/" + list};
        String[] names = {"latest", "version " + oldVersion, "latest, gzip"};
        boolean[] gzip = {false, false, true};
        Load.closed("read-warm-up", 16, options.quick() ? 1 : 10, r -> api.getDiscarding(reader, paths[0]));
        startProfile("reads");
        for (int i = 0; i < paths.length; i++) {
            String path = paths[i];
            boolean compressed = gzip[i];
            for (int rep = 0; rep < options.repetitions(); rep++) {
                Load.Step step = measured(
                        "list read " + names[i],
                        "read",
                        options.readClients(),
                        r -> api.getDiscarding(reader, path, compressed));
                report.read(names[i], step);
                System.out.printf(
                        "bench: list read (%s, %d entries), %d clients: %s%n",
                        names[i], report.listSize, options.readClients(), outcome(step));
            }
        }
        stopProfile("reads", "query-service (list reads)");
        report.note("reads", Machine.loadAverage());
    }

    // ------------------------------------------------------------------------------------ (6) duplicate lookups

    void duplicates(RebuildData.Written data) throws Exception {
        List<String> texts = new ArrayList<>();
        if (data != null) {
            texts.addAll(data.sampleTexts());
            report.duplicateQuestions = options.questions();
        } else {
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < 1_000; i++) {
                texts.add(Texts.variant(Texts.question(random), random));
            }
        }
        Load.closed(
                "duplicates-warm-up",
                options.duplicateClients(),
                options.quick() ? 1 : 10,
                r -> api.getDiscarding(reader, duplicatesPath(texts, r)));
        startProfile("duplicates");
        for (int rep = 0; rep < options.repetitions(); rep++) {
            Load.Step step = measured(
                    "duplicate lookup",
                    "duplicates",
                    options.duplicateClients(),
                    r -> api.getDiscarding(reader, duplicatesPath(texts, r)));
            report.duplicates(step);
            System.out.printf("bench: duplicate lookup, %d clients: %s%n", options.duplicateClients(), outcome(step));
        }
        stopProfile("duplicates", "query-service (duplicate lookups)");
        report.note("duplicates", Machine.loadAverage());
    }

    /** JFR on the query service under test (the rebuilt one, or the stack's), when --jfr is given. */
    private void startProfile(String name) throws Exception {
        if (options.jfr() && queryPid > 0) {
            Profiles.start(queryPid, name);
        }
    }

    private void stopProfile(String name, String title) throws Exception {
        if (options.jfr() && queryPid > 0) {
            Path file = Files.createDirectories(options.out().resolve("profiles"))
                    .resolve(report.stamp() + "-" + name + "-query-service.jfr");
            Profiles.stop(queryPid, name, file);
            report.profiles.put(title, Profiles.summarise(file, 15));
        }
    }

    /** One read step of {@code options.seconds()}; the query service's CPU it took goes to the report as {@code label}. */
    private Load.Step measured(String label, String name, int clients, Function<SplittableRandom, Integer> operation)
            throws InterruptedException {
        CpuMeter.Sample before = cpu.sample(queryPid);
        Load.Step step = Load.closed(name, clients, options.seconds(), operation);
        report.cpu.add(label, cpu.since(before, queryPid), step.commands());
        return step;
    }

    /** What a read step achieved, as both read scenarios print it. */
    private static String outcome(Load.Step step) {
        return String.format(
                "%.0f req/s, p50 %.1f p99 %.1f ms, %d failed (load %.2f)",
                step.rate(),
                step.latency().percentileMillis(50),
                step.latency().percentileMillis(99),
                step.failures(),
                step.loadAverage());
    }

    private static String duplicatesPath(List<String> texts, SplittableRandom random) {
        return "/api/duplicates?limit=10&text=" + Api.encode(texts.get(random.nextInt(texts.size())));
    }
}
