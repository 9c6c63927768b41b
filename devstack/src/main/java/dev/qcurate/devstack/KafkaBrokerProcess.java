package dev.qcurate.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Main class of the child JVM that {@link LocalKafka} starts: formats the KRaft storage on first use, then runs a
 * combined broker+controller until SIGTERM or until its parent dies (its stdin, a pipe from the parent, closes).
 */
final class KafkaBrokerProcess {

    private KafkaBrokerProcess() {}

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            properties.load(in);
        }
        KafkaConfig config = KafkaConfig.fromProps(properties, false);
        formatIfNew(config);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            server.awaitShutdown();
                        },
                        "kafka-shutdown"));
        try {
            server.startup();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        watchParent();
        server.awaitShutdown();
    }

    /** Kafka 3.9's Formatter is what kafka-storage.sh format runs, minus its System.exit. */
    private static void formatIfNew(KafkaConfig config) throws Exception {
        String logDir = config.metadataLogDir();
        if (Files.exists(Path.of(logDir, "meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir))
                .setMetadataLogDirectory(logDir)
                .setControllerListenerName(config.controllerListenerNames().head())
                .run();
    }

    /** Without this, a parent killed with SIGKILL would leave an orphan broker holding the ports. */
    private static void watchParent() {
        Thread watcher = new Thread(
                () -> {
                    try {
                        while (System.in.read() != -1) {
                            // the parent never writes; we only wait for the pipe to close
                        }
                    } catch (IOException ignored) {
                        // same as end of stream
                    }
                    System.exit(0);
                },
                "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
