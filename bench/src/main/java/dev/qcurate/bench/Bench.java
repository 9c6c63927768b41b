package dev.qcurate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.qcurate.devstack.ServiceJar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Runs the scenarios of issue 7 against the real stack and writes {@code bench/results/<time>-<label>.md/.json}.
 * A benchmark, not a test: it asserts nothing about timings.
 */
public final class Bench {

    private final Options options;
    private final Stack stack;
    private final Report report;
    private Api api;
    private String editor;
    private String reviewer;
    private String reader;
    private String admin;

    private Bench(Options options, Stack stack, Report report) {
        this.options = options;
        this.stack = stack;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Instant started = Instant.now();
        try (Stack stack = Stack.start(options)) {
            // Ctrl-C or kill: stop the services, Kafka and PostgreSQL this run started, not leave them behind
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    stack.close();
                                } catch (Exception e) {
                                    System.err.println("bench: stopping the stack failed: " + e);
                                }
                            },
                            "bench-stack-stop"));
            Report report = new Report(
                    options,
                    started,
                    Machine.describe(
                            postgresVersion(stack),
                            org.apache.kafka.common.utils.AppInfoParser.getVersion()
                                    + " (client; the embedded broker runs the same kafka_2.13 jars)"));
            Bench bench = new Bench(options, stack, report);
            bench.run();
            Path written = report.write();
            System.out.println("bench: report written to " + written + " (.md and .json)");
        }
        System.exit(0); // the HTTP clients' and Kafka's non-daemon threads must not keep the JVM up
    }

    private void run() throws Exception {
        api = new Api(stack.commandUrl, stack.queryUrl, 64);
        editor = api.signIn("editor", stack.password);
        reviewer = api.signIn("reviewer", stack.password);
        reader = api.signIn("reader", stack.password);
        admin = api.signIn("admin", stack.password);
        double sustained = Double.NaN;
        if (options.scenarios().contains("reference") && stack.jdbcUrl != null) {
            reference();
        }
        if (options.scenarios().contains("throughput")) {
            sustained = throughput();
        }
        if (options.scenarios().contains("latency")) {
            latency(
                    !Double.isNaN(options.latencyRate())
                            ? options.latencyRate()
                            : Double.isNaN(sustained) ? 50 : sustained * 0.7);
        }
        RebuildData.Written data = null;
        Api readApi = api;
        if (options.scenarios().contains("rebuild") && stack.started()) {
            rebuilt = rebuild();
            data = lastData;
            readApi = new Api(stack.commandUrl, rebuilt.url(), 128);
        }
        if (options.scenarios().contains("reads")) {
            reads(readApi, data);
        }
        if (options.scenarios().contains("duplicates")) {
            duplicates(readApi, data);
        }
    }

    // ------------------------------------------------------------------------------------------------ (7) reference

    private void reference() throws Exception {
        for (int clients : referenceClients()) {
            Stats rate = new Stats();
            for (int rep = 0; rep < options.repetitions(); rep++) {
                rate.add(Reference.insertsPerSecond(
                        stack.jdbcUrl, options.dbUser(), "", clients, Math.max(2, options.seconds() / 2)));
            }
            System.out.printf("bench: reference INSERT+COMMIT, %d clients: %s/s%n", clients, rate.text(0));
            report.reference.put(clients, rate);
        }
        report.note("reference", Machine.loadAverage());
    }

    /**
     * The steps' client counts, and 1: the rate of one client doing INSERT+COMMIT back to back is the bound of any
     * design that appends one transaction at a time.
     */
    private List<Integer> referenceClients() {
        List<Integer> clients = new ArrayList<>(List.of(1));
        for (int c : options.clientSteps()) {
            if (c != 1) {
                clients.add(c);
            }
        }
        return clients;
    }

    // --------------------------------------------------------------------------------------------- (1) throughput

    private double throughput() throws Exception {
        Workload workload = new Workload(api, editor, reviewer);
        workload.seed(options.quick() ? 60 : 300);
        // warm-up: the JIT and the pools, not measured
        Load.closed(
                "warm-up", 8, options.quick() ? 1 : 15, r -> workload.next(r).status(), api, reader, workload);
        if (options.jfr()) {
            Profiles.start(stack.commandPid(), "bench");
            Profiles.start(stack.queryPid(), "bench");
        }
        Stats sustained = new Stats();
        Map<Integer, Stats> bestClients = new LinkedHashMap<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            double best = 0;
            for (int clients : options.clientSteps()) {
                Load.Step step = Load.closed(
                        "mix-" + clients,
                        clients,
                        options.seconds(),
                        r -> workload.next(r).status(),
                        api,
                        reader,
                        workload);
                report.step(clients, step);
                boolean keptUp = step.lagMillis() <= options.keepUpLagMillis();
                System.out.printf(
                        "bench: mix, %d clients: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, %d failed,"
                                + " read model lag at end %.0f ms%s (load %.2f)%n",
                        clients,
                        step.rate(),
                        step.latency().percentileMillis(50),
                        step.latency().percentileMillis(99),
                        step.failures(),
                        step.lagMillis(),
                        keptUp ? "" : " — fell behind",
                        step.loadAverage());
                if (keptUp && step.rate() > best) {
                    best = step.rate();
                    bestClients.computeIfAbsent(clients, c -> new Stats()).add(step.rate());
                }
            }
            sustained.add(best);
        }
        report.sustained = sustained;
        report.mix = workload.counts();
        report.mixFailures = workload.failures();
        if (options.jfr()) {
            Path dir = Files.createDirectories(options.out().resolve("profiles"));
            Path commandJfr = dir.resolve(report.stamp() + "-command-service.jfr");
            Path queryJfr = dir.resolve(report.stamp() + "-query-service.jfr");
            Profiles.stop(stack.commandPid(), "bench", commandJfr);
            Profiles.stop(stack.queryPid(), "bench", queryJfr);
            report.profiles.put("command-service (throughput steps)", Profiles.summarise(commandJfr, 15));
            report.profiles.put("query-service (throughput steps)", Profiles.summarise(queryJfr, 15));
        }
        report.note("throughput", Machine.loadAverage());
        return sustained.median();
    }

    // ----------------------------------------------------------------------------------- (2, 3) latency at 70%

    private void latency(double rate) throws Exception {
        Workload workload = new Workload(api, editor, reviewer);
        workload.seed(options.quick() ? 60 : 300);
        report.latencyRate = rate;
        for (int rep = 0; rep < options.repetitions(); rep++) {
            Load.Step step =
                    Load.open("open-" + Math.round(rate), rate, options.seconds(), 64, workload, api, reader, 5);
            report.latency(step);
            System.out.printf(
                    "bench: open loop at %.0f/s: achieved %.0f/s, command p50 %.1f p99 %.1f ms;"
                            + " visible after ack p50 %.1f p99 %.1f ms; after send p50 %.1f p99 %.1f ms (load %.2f)%n",
                    rate,
                    step.rate(),
                    step.latency().percentileMillis(50),
                    step.latency().percentileMillis(99),
                    step.visibleAfterAck().percentileMillis(50),
                    step.visibleAfterAck().percentileMillis(99),
                    step.visibleAfterSend().percentileMillis(50),
                    step.visibleAfterSend().percentileMillis(99),
                    step.loadAverage());
        }
        report.note("latency", Machine.loadAverage());
    }

    // ------------------------------------------------------------------------------------------------ (4) rebuild

    private RebuildData.Written lastData;
    private ServiceJar rebuilt;

    private ServiceJar rebuild() throws Exception {
        String topic = "bench-rebuild.events";
        System.out.printf(
                "bench: writing %,d events (%,d questions, a %,d-entry list) to %s ...%n",
                options.rebuildEvents(), options.questions(), options.listSize(), topic);
        RebuildData.Written data = RebuildData.write(
                stack.kafkaBootstrap, topic, options.rebuildEvents(), options.questions(), options.listSize());
        lastData = data;
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

    // -------------------------------------------------------------------------------------------- (5) list reads

    private void reads(Api readApi, RebuildData.Written data) throws Exception {
        UUID list;
        int oldVersion;
        if (data != null) {
            list = data.listId();
            oldVersion = Math.max(1, data.listVersions() / 2);
        } else {
            JsonNode lists = readApi.get(reader, "/api/lists").body();
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
        JsonNode latest = readApi.get(reader, "/api/lists/" + list).body();
        report.listSize = latest.path("entries").size();
        report.listOldVersion = oldVersion;
        String[] paths = {"/api/lists/" + list, "/api/lists/" + list + "?version=" + oldVersion};
        String[] names = {"latest", "version " + oldVersion};
        Load.closed(
                "read-warm-up",
                16,
                options.quick() ? 1 : 10,
                r -> readApi.getDiscarding(reader, paths[0]),
                readApi,
                reader,
                null);
        startProfile(readApi, "reads");
        for (int i = 0; i < paths.length; i++) {
            String path = paths[i];
            for (int rep = 0; rep < options.repetitions(); rep++) {
                Load.Step step = Load.closed(
                        "read",
                        options.readClients(),
                        options.seconds(),
                        r -> readApi.getDiscarding(reader, path),
                        readApi,
                        reader,
                        null);
                report.read(names[i], step);
                System.out.printf(
                        "bench: list read (%s, %d entries), %d clients: %.0f req/s, p50 %.1f p99 %.1f ms,"
                                + " %d failed (load %.2f)%n",
                        names[i],
                        report.listSize,
                        options.readClients(),
                        step.rate(),
                        step.latency().percentileMillis(50),
                        step.latency().percentileMillis(99),
                        step.failures(),
                        step.loadAverage());
            }
        }
        stopProfile(readApi, "reads", "query-service (list reads)");
        report.note("reads", Machine.loadAverage());
    }

    // ------------------------------------------------------------------------------------ (6) duplicate lookups

    private void duplicates(Api readApi, RebuildData.Written data) throws Exception {
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
                r -> readApi.getDiscarding(reader, duplicatesPath(texts, r)),
                readApi,
                reader,
                null);
        startProfile(readApi, "duplicates");
        for (int rep = 0; rep < options.repetitions(); rep++) {
            Load.Step step = Load.closed(
                    "duplicates",
                    options.duplicateClients(),
                    options.seconds(),
                    r -> readApi.getDiscarding(reader, duplicatesPath(texts, r)),
                    readApi,
                    reader,
                    null);
            report.duplicates(step);
            System.out.printf(
                    "bench: duplicate lookup, %d clients: %.0f req/s, p50 %.1f p99 %.1f ms, %d failed"
                            + " (load %.2f)%n",
                    options.duplicateClients(),
                    step.rate(),
                    step.latency().percentileMillis(50),
                    step.latency().percentileMillis(99),
                    step.failures(),
                    step.loadAverage());
        }
        stopProfile(readApi, "duplicates", "query-service (duplicate lookups)");
        report.note("duplicates", Machine.loadAverage());
    }

    /** JFR on the query service under test (the rebuilt one, or the stack's), when --jfr is given. */
    private void startProfile(Api readApi, String name) throws Exception {
        if (options.jfr() && queryPid(readApi) > 0) {
            Profiles.start(queryPid(readApi), name);
        }
    }

    private void stopProfile(Api readApi, String name, String title) throws Exception {
        if (options.jfr() && queryPid(readApi) > 0) {
            Path file = Files.createDirectories(options.out().resolve("profiles"))
                    .resolve(report.stamp() + "-" + name + "-query-service.jfr");
            Profiles.stop(queryPid(readApi), name, file);
            report.profiles.put(title, Profiles.summarise(file, 15));
        }
    }

    private long queryPid(Api readApi) {
        return readApi == api || rebuilt == null ? stack.queryPid() : rebuilt.pid();
    }

    private static String duplicatesPath(List<String> texts, SplittableRandom random) {
        return "/api/duplicates?limit=10&text=" + Api.encode(texts.get(random.nextInt(texts.size())));
    }

    private static String postgresVersion(Stack stack) {
        if (stack.jdbcUrl == null) {
            return "?";
        }
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl, stack.options.dbUser(), "");
                ResultSet row = connection.createStatement().executeQuery("SHOW server_version")) {
            row.next();
            return "PostgreSQL " + row.getString(1)
                    + (stack.started()
                            ? " (embedded, zonky; settings "
                                    + Stack.POSTGRES_SETTINGS + " " + stack.options.postgresSettings()
                                    + ", fsync=on, synchronous_commit=on)"
                            : "");
        } catch (Exception e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    static String timestamp(Instant at) {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(at);
    }

    static void writeJson(Path file, Object value) throws Exception {
        Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), value);
    }
}
