package dev.qcurate.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), run as a child JVM from the
 * kafka_2.13 jars on this JVM's class path.
 * <p>
 * A child process rather than in-process: stopping it is a real broker shutdown (tests stop and restart it under
 * load), a restart starts from clean static state, and its logging and heap stay out of the host JVM.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    // a 2-core machine under load needs more than 60 s
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private Process process;

    /** A broker for tests: quick to start (client compiler only), little traffic. */
    public static final List<String> QUICK_START =
            List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** A broker that runs for long (./qcurate up, benchmarks): the full JIT, which a busy broker needs. */
    public static final List<String> LONG_RUNNING = List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC");

    private LocalKafka(Path dataDir, int port, int controllerPort, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvmOptions = jvmOptions;
    }

    /** Starts a {@link #QUICK_START} broker; 0 for either port picks a free one, kept for every later {@link #start()}. */
    public static LocalKafka start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, port, controllerPort, QUICK_START);
    }

    /** Starts a broker with the given JVM options ({@link #QUICK_START} or {@link #LONG_RUNNING}). */
    public static LocalKafka start(Path dataDir, int port, int controllerPort, List<String> jvmOptions) {
        int resolvedPort = Ports.resolve(port);
        int resolvedControllerPort = Ports.resolve(controllerPort);
        while (resolvedControllerPort == resolvedPort) {
            resolvedControllerPort = Ports.free();
        }
        LocalKafka kafka =
                new LocalKafka(dataDir.toAbsolutePath().normalize(), resolvedPort, resolvedControllerPort, jvmOptions);
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** The broker JVM's process id (-1 when stopped): the benchmark reads its CPU time from /proc. */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** (Re)starts the broker on the same ports and data; returns once it answers clients. No-op when running. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Ports.requireFree(port);
        Ports.requireFree(controllerPort);
        Path brokerLog = dataDir.resolve("broker.log");
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            process = new ProcessBuilder(command(config, jvmOptions))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(brokerLog.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the Kafka broker JVM", e);
        }
        awaitReady(brokerLog);
    }

    /** Shuts the broker down cleanly (data and ports kept); clients keep retrying until {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.destroy(); // SIGTERM: Kafka's controlled shutdown via the child's shutdown hook
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", dataDir.resolve("data").toString());
        settings.put("num.partitions", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1"); // 50 by default: slow first group join for nothing
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("group.initial.rebalance.delay.ms", "0"); // tests start consumers right away
        settings.put("auto.create.topics.enable", "false"); // services create their topics on purpose
        settings.put("log.retention.ms", "-1"); // the dev stack's topics are replayed from the start
        StringBuilder text = new StringBuilder("# written by dev.qcurate.devstack.LocalKafka on every start\n");
        settings.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, text);
        return config;
    }

    private static List<String> command(Path config, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=dev/qcurate/devstack/kafka-broker-logback.xml"));
        // the host's class path holds the kafka_2.13 jars (devstack depends on them); under surefire it is a
        // manifest-only jar, which the child JVM follows just the same
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.add(KafkaBrokerProcess.class.getName());
        command.add(config.toString());
        return command;
    }

    private void awaitReady(Path brokerLog) {
        long started = System.nanoTime();
        long deadline = started + START_TIMEOUT.toNanos();
        // plain TCP first: an Admin client polling a closed port floods the host's log with connection warnings
        while (!acceptsConnections() && process.isAlive() && System.nanoTime() < deadline) {
            sleep(50);
        }
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                200,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "devstack-readiness");
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                if (!process.isAlive()) {
                    int exit = process.exitValue();
                    process = null;
                    throw new IllegalStateException("Kafka broker exited with code " + exit + " while starting on "
                            + bootstrapServers() + "; last lines of " + brokerLog + ":\n" + tail(brokerLog, 30));
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000))
                            .nodes()
                            .get(2, TimeUnit.SECONDS)
                            .isEmpty()) {
                        log.info(
                                "Kafka broker ready on {} in {} ms",
                                bootstrapServers(),
                                (System.nanoTime() - started) / 1_000_000);
                        return;
                    }
                } catch (Exception notYet) {
                    if (notYet instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        stop();
                        throw new IllegalStateException("interrupted while waiting for Kafka", notYet);
                    }
                }
                if (System.nanoTime() > deadline) {
                    stop();
                    throw new IllegalStateException("Kafka broker did not accept clients on " + bootstrapServers()
                            + " within " + START_TIMEOUT.toSeconds() + " s; last lines of " + brokerLog + ":\n"
                            + tail(brokerLog, 30));
                }
            }
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
