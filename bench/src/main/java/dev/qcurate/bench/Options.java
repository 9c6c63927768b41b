package dev.qcurate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Command-line options; {@code --help} lists them. */
record Options(
        boolean quick,
        int repetitions,
        int rebuildRepetitions,
        double seconds,
        List<Integer> clientSteps,
        double keepUpLagMillis,
        double latencyRate,
        long rebuildEvents,
        int questions,
        int listSize,
        int readClients,
        int duplicateClients,
        Set<String> scenarios,
        String label,
        Path out,
        boolean jfr,
        String commandUrl,
        String queryUrl,
        String dbUrl,
        String dbUser,
        String kafka,
        String password,
        Path commandJar,
        Path queryJar,
        List<String> serviceJvm,
        Map<String, String> serviceEnvironment,
        Map<String, String> postgresSettings) {

    static final List<String> ALL = List.of("reference", "throughput", "latency", "rebuild", "reads", "duplicates");

    /** Full JIT (the tests' C1-only flag costs throughput), fixed heap, G1 with a pause goal we care about. */
    static final List<String> SERVICE_JVM =
            List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:+AlwaysPreTouch");

    static final String USAGE = """
            Usage: ./qcurate bench [--quick] [options]
              --quick                 seconds, tiny sizes (a smoke run; numbers mean nothing)
              --reps N                repetitions of each measurement (3)
              --rebuild-reps N        repetitions of the rebuild (as --reps); the fresh service's first
                                      consumption is reported besides
              --seconds S             duration of each load step (20; quick 2)
              --clients 4,8,16,32     closed-loop client counts of the throughput steps
              --events N              events for the rebuild (1000000; quick 20000)
              --questions N           questions in the rebuild data, used for duplicate lookups (100000)
              --list-size N           entries of the list read by the list-read step (1000)
              --keep-up-lag-ms N      a step keeps up when the read model is this close at its end (1000)
              --latency-rate R        commands/s of the open-loop step (default: 70%% of the sustained rate)
              --read-clients N        concurrent clients of the list reads (100); --duplicate-clients N (8)
              --only a,b              scenarios among reference,throughput,latency,rebuild,reads,duplicates
              --label TEXT            a name for this run in the report (e.g. the lever under test)
              --out DIR               where the report goes (bench/results)
              --jfr                   record JFR on the services during the throughput, rebuild, reads and duplicates steps
              --jvm "FLAGS"           the services' JVM flags (default: %s)
              --env K=V               extra environment for the services (repeatable), e.g. QCURATE_COMMAND_DB_POOL=32
              --pg K=V                extra postgresql.conf setting for the embedded server (repeatable)
              --command-jar/--query-jar PATH   the service jars (default: */target/*-<version>.jar)
            Against a running system instead of starting one:
              --command-url URL --query-url URL --password PW [--db-url JDBC --db-user U] [--kafka HOST:PORT]
            """.formatted(String.join(" ", SERVICE_JVM));

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> pg = new LinkedHashMap<>();
        boolean quick = false;
        boolean jfr = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--jfr" -> jfr = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                case "--env", "--pg" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException(arg + " needs KEY=VALUE, got " + pair);
                    }
                    (arg.equals("--env") ? env : pg).put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                default -> {
                    if (!arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
                    }
                    values.put(arg.substring(2), value(args, ++i, arg));
                }
            }
        }
        Set<String> scenarios = new LinkedHashSet<>(
                values.containsKey("only") ? Arrays.asList(values.remove("only").split(",")) : ALL);
        scenarios.forEach(s -> {
            if (!ALL.contains(s)) {
                throw new IllegalArgumentException("unknown scenario " + s + "; known: " + ALL);
            }
        });
        Options options = new Options(
                quick,
                Integer.parseInt(values.getOrDefault("reps", quick ? "1" : "3")),
                Integer.parseInt(values.getOrDefault("rebuild-reps", values.getOrDefault("reps", quick ? "1" : "3"))),
                Double.parseDouble(values.getOrDefault("seconds", quick ? "1" : "20")),
                Arrays.stream(values.getOrDefault("clients", quick ? "2,4" : "4,8,16,32")
                                .split(","))
                        .map(Integer::parseInt)
                        .toList(),
                Double.parseDouble(values.getOrDefault("keep-up-lag-ms", "1000")),
                Double.parseDouble(values.getOrDefault("latency-rate", "NaN")),
                Long.parseLong(values.getOrDefault("events", quick ? "3000" : "1000000")),
                Integer.parseInt(values.getOrDefault("questions", quick ? "300" : "100000")),
                Integer.parseInt(values.getOrDefault("list-size", quick ? "50" : "1000")),
                Integer.parseInt(values.getOrDefault("read-clients", quick ? "10" : "100")),
                Integer.parseInt(values.getOrDefault("duplicate-clients", quick ? "2" : "8")),
                scenarios,
                values.getOrDefault("label", quick ? "quick" : "full"),
                Path.of(values.getOrDefault("out", "bench/results")),
                jfr,
                values.get("command-url"),
                values.get("query-url"),
                values.get("db-url"),
                values.getOrDefault("db-user", "postgres"),
                values.get("kafka"),
                values.getOrDefault("password", Stack.PASSWORD),
                jar(values.get("command-jar"), "command-service"),
                jar(values.get("query-jar"), "query-service"),
                values.containsKey("jvm") ? List.of(values.get("jvm").trim().split("\\s+")) : SERVICE_JVM,
                env,
                pg);
        if ((options.commandUrl == null) != (options.queryUrl == null)) {
            throw new IllegalArgumentException("--command-url and --query-url go together");
        }
        return options;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Path jar(String given, String module) {
        if (given != null) {
            return Path.of(given);
        }
        Path target = Path.of(module, "target");
        if (!Files.isDirectory(target)) {
            return target.resolve(module + ".jar");
        }
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars =
                    new ArrayList<>(files.filter(p -> p.getFileName().toString().matches(module + "-[^/]*\\.jar"))
                            .toList());
            return jars.isEmpty() ? target.resolve(module + ".jar") : jars.get(0);
        } catch (java.io.IOException e) {
            return target.resolve(module + ".jar");
        }
    }
}
