package dev.qcurate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Collects the figures of one run and writes them as Markdown (summary against the targets) and JSON (all). */
final class Report {

    final Options options;
    final Instant started;
    final Map<String, Object> machine;
    final Map<String, Double> loadAfter = new LinkedHashMap<>();
    final CpuBudget cpu = new CpuBudget();

    final Map<Integer, Stats> reference = new TreeMap<>();
    final Map<Integer, Stats> stepRates = new TreeMap<>();
    final Map<Integer, Stats> stepLags = new TreeMap<>();
    final Map<Integer, Stats> stepIndexLags = new TreeMap<>();
    final Map<Integer, Stats> stepP99 = new TreeMap<>();
    Stats sustained = new Stats();
    Map<String, Long> mix = Map.of();
    long mixFailures;
    double latencyRate = Double.NaN;
    final Stats achieved = new Stats();
    final Stats commandP50 = new Stats();
    final Stats commandP99 = new Stats();
    final Stats visibleP50 = new Stats();
    final Stats visibleP99 = new Stats();
    final Stats visibleSendP50 = new Stats();
    final Stats visibleSendP99 = new Stats();
    final Stats latencyLag = new Stats();
    final Stats latencyIndexLag = new Stats();
    long latencyFailures;
    final Stats rebuild = new Stats();
    long rebuildEvents;
    double rebuildFirstSeconds = Double.NaN;
    EmbeddingCatchUp embeddingCatchUp;
    int listSize;
    int listOldVersion;
    final Map<String, Stats[]> reads = new LinkedHashMap<>();
    long readFailures;
    int duplicateQuestions;
    final Stats dupP50 = new Stats();
    final Stats dupP99 = new Stats();
    final Stats dupRate = new Stats();
    long duplicateFailures;
    final Map<String, Object> profiles = new LinkedHashMap<>();

    Report(Options options, Instant started, Map<String, Object> machine) {
        this.options = options;
        this.started = started;
        this.machine = machine;
    }

    String stamp() {
        return Bench.timestamp(started) + "-" + options.label().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    void note(String scenario, double loadAverage) {
        loadAfter.put(scenario, loadAverage);
    }

    void step(int clients, Load.Step step) {
        stepRates.computeIfAbsent(clients, c -> new Stats()).add(step.rate());
        stepLags.computeIfAbsent(clients, c -> new Stats()).add(step.lagMillis());
        stepIndexLags.computeIfAbsent(clients, c -> new Stats()).add(step.indexLagMillis());
        stepP99.computeIfAbsent(clients, c -> new Stats()).add(step.latency().percentileMillis(99));
    }

    void latency(Load.Step step) {
        achieved.add(step.rate());
        commandP50.add(step.latency().percentileMillis(50));
        commandP99.add(step.latency().percentileMillis(99));
        visibleP50.add(step.visibleAfterAck().percentileMillis(50));
        visibleP99.add(step.visibleAfterAck().percentileMillis(99));
        visibleSendP50.add(step.visibleAfterSend().percentileMillis(50));
        visibleSendP99.add(step.visibleAfterSend().percentileMillis(99));
        latencyLag.add(step.lagMillis());
        latencyIndexLag.add(step.indexLagMillis());
        latencyFailures += step.failures();
    }

    void read(String name, Load.Step step) {
        Stats[] s = reads.computeIfAbsent(name, n -> new Stats[] {new Stats(), new Stats(), new Stats()});
        s[0].add(step.latency().percentileMillis(50));
        s[1].add(step.latency().percentileMillis(99));
        s[2].add(step.rate());
        readFailures += step.failures();
    }

    void duplicates(Load.Step step) {
        dupP50.add(step.latency().percentileMillis(50));
        dupP99.add(step.latency().percentileMillis(99));
        dupRate.add(step.rate());
        duplicateFailures += step.failures();
    }

    Path write() throws Exception {
        Files.createDirectories(options.out());
        Path base = options.out().resolve(stamp());
        Files.writeString(Path.of(base + ".md"), markdown());
        Bench.writeJson(Path.of(base + ".json"), ReportJson.of(this));
        return base;
    }

    double referenceAt(int clients) {
        Stats s = reference.get(clients);
        return s == null ? Double.NaN : s.median();
    }

    /** The client count of the fastest step that kept up (by median rate). */
    int sustainedClients() {
        int best = -1;
        double rate = -1;
        for (var e : stepRates.entrySet()) {
            if (stepLags.get(e.getKey()).median() <= options.keepUpLagMillis()
                    && e.getValue().median() > rate) {
                rate = e.getValue().median();
                best = e.getKey();
            }
        }
        return best;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        ReportHeader.markdown(this, md);

        md.append("| # | measure | target | result | met |\n|---|---|---|---|---|\n");
        int clients = sustainedClients();
        double ratio = sustained.median() / referenceAt(clients);
        row(
                md,
                "1",
                "sustained commands/s (mix, projection keeping up; best step: " + clients + " clients)",
                "≥ 2,000",
                sustained.text(0),
                sustained.median() >= 2000);
        row(
                md,
                "7",
                "reference: single-row INSERT+COMMIT/s at " + clients + " clients",
                "–",
                reference.containsKey(clients) ? reference.get(clients).text(0) : "–",
                null);
        row(
                md,
                "7",
                "reference at 1 client (the bound of appending one transaction at a time)",
                "–",
                reference.containsKey(1) ? reference.get(1).text(0) : "–",
                null);
        row(
                md,
                "1/7",
                "sustained ÷ reference",
                "≥ 0.15×",
                Double.isNaN(ratio) ? "–" : String.format("%.3f×", ratio),
                Double.isNaN(ratio) ? null : ratio >= 0.15);
        row(
                md,
                "2",
                String.format("command p50 at 70%% (%.0f/s offered, open loop)", latencyRate),
                "–",
                commandP50.text(1) + " ms",
                null);
        row(md, "2", "command p99 at 70%", "≤ 25 ms", commandP99.text(1) + " ms", ok(commandP99, 25));
        row(
                md,
                "3",
                "ack → visible in query-service p50 (minPosition)",
                "≤ 10 ms",
                visibleP50.text(1) + " ms",
                ok(visibleP50, 10));
        row(md, "3", "ack → visible p99", "≤ 50 ms", visibleP99.text(1) + " ms", ok(visibleP99, 50));
        row(
                md,
                "3",
                "send → visible p50 / p99 (includes the command itself)",
                "–",
                visibleSendP50.text(1) + " / " + visibleSendP99.text(1) + " ms",
                null);
        row(
                md,
                "3",
                "open loop at 70%: read-model / duplicate-index lag at the step's end",
                "–",
                latencyLag.text(0) + " / " + latencyIndexLag.text(0) + " ms",
                null);
        row(
                md,
                "4",
                String.format("rebuild events/s (%,d events)", rebuildEvents),
                "≥ 50,000",
                rebuild.text(0),
                rebuild.isEmpty() ? null : rebuild.median() >= 50_000);
        reads.forEach((name, s) -> {
            row(
                    md,
                    "5",
                    "list read " + name + " (" + listSize + " entries, " + options.readClients() + " clients) p50",
                    "–",
                    s[0].text(1) + " ms",
                    null);
            row(md, "5", "list read " + name + " p99", "≤ 20 ms", s[1].text(1) + " ms", ok(s[1], 20));
            row(md, "5", "list read " + name + " req/s", "–", s[2].text(0), null);
        });
        row(
                md,
                "6",
                String.format(
                        "duplicate lookup p50 (%,d questions, %d clients)",
                        duplicateQuestions, options.duplicateClients()),
                "–",
                dupP50.text(1) + " ms",
                null);
        row(md, "6", "duplicate lookup p99", "≤ 10 ms", dupP99.text(1) + " ms", ok(dupP99, 10));
        row(md, "6", "duplicate lookups/s", "–", dupRate.text(0), null);
        md.append("\nFailures (non-2xx answers): mix ")
                .append(mixFailures)
                .append(", latency run ")
                .append(latencyFailures)
                .append(", reads ")
                .append(readFailures)
                .append(", duplicates ")
                .append(duplicateFailures)
                .append(". Commands of the mix: ")
                .append(mix)
                .append(".\n\n");

        md.append("### Throughput steps (closed loop)\n\n| clients | commands/s | command p99 ms |"
                + " read-model lag at end ms | duplicate index lag at end ms | reference INSERT+COMMIT/s |\n"
                + "|---|---|---|---|---|---|\n");
        stepRates.forEach((c, s) -> md.append("| ")
                .append(c)
                .append(" | ")
                .append(s.text(0))
                .append(" | ")
                .append(stepP99.get(c).text(1))
                .append(" | ")
                .append(stepLags.get(c).text(0))
                .append(" | ")
                .append(stepIndexLags.get(c).text(0))
                .append(" | ")
                .append(reference.containsKey(c) ? reference.get(c).text(0) : "–")
                .append(" |\n"));
        if (!Double.isNaN(rebuildFirstSeconds)) {
            md.append(String.format(
                    "%nFresh query-service (JVM start + first consumption of %,d events): %.1f s.%n",
                    rebuildEvents, rebuildFirstSeconds));
        }
        if (embeddingCatchUp != null) {
            md.append(String.format(
                    "%nAfter the last rebuild the duplicate index was loaded again and its embedding backlog"
                            + " (questions indexed by their terms until embedded; stored vectors are reused) was %,d"
                            + " questions: %s %.1f s after the rebuild's end (%,.0f/s). The reads and lookups below"
                            + " start after that.%n",
                    embeddingCatchUp.backlogAtStart(),
                    embeddingCatchUp.drained() ? "embedded" : "**not drained**",
                    embeddingCatchUp.seconds(),
                    embeddingCatchUp.perSecond()));
        }
        cpu.markdown(md);
        profiles.forEach((name, summary) -> {
            md.append("\n### JFR profile: ").append(name).append("\n\n```\n");
            ((Map<?, ?>) summary)
                    .forEach((k, v) -> md.append(k).append(": ").append(v).append('\n'));
            md.append("```\n");
        });
        return md.toString().replace("NaN", "–");
    }

    private static Boolean ok(Stats s, double limit) {
        return s.isEmpty() ? null : s.median() <= limit;
    }

    private static void row(StringBuilder md, String n, String measure, String target, String result, Boolean met) {
        md.append("| ")
                .append(n)
                .append(" | ")
                .append(measure)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(result)
                .append(" | ")
                .append(met == null ? "" : met ? "yes" : "**no**")
                .append(" |\n");
    }
}
