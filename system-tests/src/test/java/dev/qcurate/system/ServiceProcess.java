package dev.qcurate.system;

import dev.qcurate.devstack.ServiceJar;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** One service running from its packaged jar in its own JVM (devstack's {@link ServiceJar}), with the test flags. */
final class ServiceProcess implements AutoCloseable {

    private final ServiceJar service;

    ServiceProcess(String name, String jarProperty, int port, Map<String, String> environment) {
        String jarPath = System.getProperty(jarProperty);
        if (jarPath == null) {
            throw new IllegalStateException(name + " jar not set (" + jarProperty
                    + "): run the whole build (./mvnw verify), which packages the services before these tests");
        }
        Path log = Path.of(System.getProperty("qcurate.logs", "target/service-logs"))
                .resolve(name + ".log");
        this.service = new ServiceJar(name, Path.of(jarPath), ServiceJar.TEST_JVM_OPTIONS, port, environment, log);
    }

    static int freePort() {
        return ServiceJar.freePort();
    }

    String url() {
        return service.url();
    }

    void start() throws IOException, InterruptedException {
        start(Duration.ofSeconds(240));
    }

    /** Starts it and waits until it is healthy, at most {@code timeout}. */
    void start(Duration timeout) throws IOException, InterruptedException {
        service.start(timeout);
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hooks, no graceful stop. */
    void kill() throws InterruptedException {
        service.kill();
    }

    /** Stops the JVM the way an orchestrator does (SIGTERM): graceful shutdown, then waits for it to exit. */
    void stop() throws InterruptedException {
        close();
    }

    Path log() {
        return service.log();
    }

    @Override
    public void close() throws InterruptedException {
        service.close();
    }
}
