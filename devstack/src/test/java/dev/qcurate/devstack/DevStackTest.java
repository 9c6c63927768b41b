package dev.qcurate.devstack;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs DevStack as ./qcurate runs it: a separate JVM, configured by environment, stopped by SIGTERM. */
class DevStackTest {

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void killLeftover() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void keepsDatabaseRowsAndKafkaRecordsAcrossARestartAndLeavesNothingRunning() throws Exception {
        Map<String, String> env = Map.of(
                "QCURATE_DATA_DIR", dir.toString(),
                "QCURATE_PG_PORT", String.valueOf(Ports.free()),
                "QCURATE_KAFKA_PORT", String.valueOf(Ports.free()),
                "QCURATE_KAFKA_CONTROLLER_PORT", String.valueOf(Ports.free()));
        String db = "jdbc:postgresql://127.0.0.1:" + env.get("QCURATE_PG_PORT") + "/qcurate";
        String kafka = "127.0.0.1:" + env.get("QCURATE_KAFKA_PORT");

        assertThat(launchUntilReady(env)).isEqualTo("QCURATE-STACK-READY db=" + db + " kafka=" + kafka);
        LocalPostgresTest.execute(db, "create table note(text varchar(20)); insert into note values ('kept')");
        LocalKafkaTest.createTopic(kafka, "events");
        try (KafkaProducer<String, String> producer = LocalKafkaTest.producer(kafka)) {
            producer.send(new ProducerRecord<>("events", "kept")).get(10, TimeUnit.SECONDS);
        }
        terminate();
        assertThat(Ports.isFree(Integer.parseInt(env.get("QCURATE_PG_PORT")))).isTrue();
        assertThat(Ports.isFree(Integer.parseInt(env.get("QCURATE_KAFKA_PORT"))))
                .isTrue();

        launchUntilReady(env);
        assertThat(LocalPostgresTest.queryOne(db, "select text from note")).isEqualTo("kept");
        assertThat(LocalKafkaTest.consumeAll(kafka, "events", 1)).containsExactly("kept");
        terminate();
    }

    @Test
    void reportsATakenPortInOneLineAndExitsWithTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            process = launch(Map.of(
                    "QCURATE_DATA_DIR", dir.toString(), "QCURATE_PG_PORT", String.valueOf(taken.getLocalPort())));
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(new String(process.getErrorStream().readAllBytes()).trim())
                    .isEqualTo("qcurate: port " + taken.getLocalPort() + " is already in use (set QCURATE_PG_PORT)");
            assertThat(Files.exists(dir.resolve("postgres"))).isFalse();
        }
    }

    private String launchUntilReady(Map<String, String> env) throws Exception {
        process = launch(env);
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream()));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> stdout.lines()
                .filter(line -> line.startsWith(DevStack.READY))
                .findFirst()
                .orElse("exited: " + process));
        return ready.get(90, TimeUnit.SECONDS);
    }

    private Process launch(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DevStack.class.getName());
        builder.environment().putAll(env);
        return builder.start();
    }

    private void terminate() throws Exception {
        process.destroy(); // SIGTERM, as Ctrl-C in ./qcurate up ends it
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
}
