package dev.qcurate.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.qcurate.devstack.ServiceJar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the scenarios of issue 7 against the real stack and writes {@code bench/results/<time>-<label>.md/.json}.
 * A benchmark, not a test: it asserts nothing about timings.
 */
public final class Bench {

    private final Options options;
    private final Stack stack;
    private final Report report;
    private final CpuMeter cpu;
    private ServiceJar rebuilt;
    private Api api;
    private String editor;
    private String reviewer;
    private String reader;
    private String admin;

    private Bench(Options options, Stack stack, Report report) {
        this.options = options;
        this.stack = stack;
        this.report = report;
        this.cpu = new CpuMeter(stack);
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
        idle();
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
            RebuildScenario scenario = new RebuildScenario(options, stack, report, reader, admin);
            rebuilt = scenario.run();
            data = scenario.data();
            readApi = new Api(stack.commandUrl, rebuilt.url(), 128);
            // reads and lookups are measured on a caught-up index, not beside its reload or background embedding
            report.embeddingCatchUp = EmbeddingCatchUp.await(readApi, admin, Duration.ofMinutes(20));
            System.out.printf(
                    "bench: index reloaded after the last rebuild, embedding backlog %,d questions; %s after %.1f s"
                            + " (%,.0f/s)%n",
                    report.embeddingCatchUp.backlogAtStart(),
                    report.embeddingCatchUp.drained() ? "embedded" : "NOT drained",
                    report.embeddingCatchUp.seconds(),
                    report.embeddingCatchUp.perSecond());
        }
        long pid = readApi == api || rebuilt == null ? stack.queryPid() : rebuilt.pid();
        ReadScenarios readScenarios = new ReadScenarios(options, report, cpu, readApi, reader, pid);
        if (options.scenarios().contains("reads")) {
            readScenarios.reads(data);
        }
        if (options.scenarios().contains("duplicates")) {
            readScenarios.duplicates(data);
        }
    }

    /** The stack's CPU per second with no load (Kafka's and the JVMs' background work), before any phase. */
    private void idle() throws InterruptedException {
        Thread.sleep(2_000); // the sign-ins' work settles
        CpuMeter.Sample before = cpu.sample(stack.queryPid());
        Thread.sleep(options.quick() ? 2_000 : 5_000);
        report.cpu.idle(cpu.since(before, stack.queryPid()));
    }

    // ------------------------------------------------------------------------------------------------ (7) reference

    private void reference() throws Exception {
        for (int clients : referenceClients()) {
            Stats rate = new Stats();
            for (int rep = 0; rep < options.repetitions(); rep++) {
                CpuMeter.Sample before = cpu.sample(stack.queryPid());
                Reference.Run run = Reference.insertsPerSecond(
                        stack.jdbcUrl, options.dbUser(), "", clients, Math.max(2, options.seconds() / 2));
                report.cpu.add(
                        "reference INSERT+COMMIT, " + clients + " clients",
                        cpu.since(before, stack.queryPid()),
                        run.inserts());
                rate.add(run.rate());
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
        Load.closed("warm-up", 8, options.quick() ? 1 : 15, workload, api, reader);
        if (options.jfr()) {
            Profiles.start(stack.commandPid(), "bench");
            Profiles.start(stack.queryPid(), "bench");
        }
        Stats sustained = new Stats();
        Map<Integer, Stats> bestClients = new LinkedHashMap<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            double best = 0;
            for (int clients : options.clientSteps()) {
                CpuMeter.Sample before = cpu.sample(stack.queryPid());
                Load.Step step = Load.closed("mix-" + clients, clients, options.seconds(), workload, api, reader);
                report.step(clients, step);
                report.cpu.add("mix, " + clients + " clients", cpu.since(before, stack.queryPid()), step.commands());
                boolean keptUp = step.lagMillis() <= options.keepUpLagMillis();
                System.out.printf(
                        "bench: mix, %d clients: %.0f commands/s, p50 %.1f ms, p99 %.1f ms, %d failed,"
                                + " read model lag at end %.0f ms%s, duplicate index %.0f ms (load %.2f)%n",
                        clients,
                        step.rate(),
                        step.latency().percentileMillis(50),
                        step.latency().percentileMillis(99),
                        step.failures(),
                        step.lagMillis(),
                        keptUp ? "" : " — fell behind",
                        step.indexLagMillis(),
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
            CpuMeter.Sample before = cpu.sample(stack.queryPid());
            Load.Step step =
                    Load.open("open-" + Math.round(rate), rate, options.seconds(), 64, workload, api, reader, 5);
            report.latency(step);
            report.cpu.add(
                    String.format("open loop at %.0f/s", rate), cpu.since(before, stack.queryPid()), step.commands());
            System.out.printf(
                    "bench: open loop at %.0f/s: achieved %.0f/s, command p50 %.1f p99 %.1f ms;"
                            + " visible after ack p50 %.1f p99 %.1f ms; after send p50 %.1f p99 %.1f ms;"
                            + " read model lag at end %.0f ms, duplicate index %.0f ms (load %.2f)%n",
                    rate,
                    step.rate(),
                    step.latency().percentileMillis(50),
                    step.latency().percentileMillis(99),
                    step.visibleAfterAck().percentileMillis(50),
                    step.visibleAfterAck().percentileMillis(99),
                    step.visibleAfterSend().percentileMillis(50),
                    step.visibleAfterSend().percentileMillis(99),
                    step.lagMillis(),
                    step.indexLagMillis(),
                    step.loadAverage());
        }
        report.note("latency", Machine.loadAverage());
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
