package dev.qcurate.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One qcurate service running from its packaged jar in its own JVM, as in production: started with the given JVM
 * options and environment, healthy once {@code /actuator/health} answers UP. Used by the system tests and the
 * benchmark.
 */
public final class ServiceJar implements AutoCloseable {

    /** Small and quick to start: what the tests use. The benchmark passes its own (full JIT, fixed heap). */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    private final String name;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;

    public ServiceJar(
            String name, Path jar, List<String> jvmOptions, int port, Map<String, String> environment, Path log) {
        if (jar == null || !Files.exists(jar)) {
            throw new IllegalStateException(
                    name + " jar not found at " + jar + ": package the services first (./mvnw -DskipTests package)");
        }
        this.name = name;
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        return Ports.free();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** The JVM's process id, e.g. for {@code jcmd}; -1 when not running. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public void start() throws IOException, InterruptedException {
        start(Duration.ofSeconds(120));
    }

    public void start(Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        awaitHealthy(timeout);
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hooks, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(
                        HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
