package dev.qcurate.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky's embedded binaries) on 127.0.0.1, user {@code postgres}, no password.
 * The data directory is reused when it already holds a cluster, so data survives restarts.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts a durable server: {@code port} 0 picks a free port; an existing cluster in {@code dataDir} is kept. */
    public static LocalPostgres start(Path dataDir, int port) {
        return start(dataDir, port, true, java.util.Map.of());
    }

    /**
     * A durable server with extra {@code postgresql.conf} settings (e.g. the benchmark's buffers and group commit).
     * fsync and synchronous_commit stay on whatever is passed: acknowledged commands must survive a crash.
     */
    public static LocalPostgres startDurable(Path dataDir, int port, java.util.Map<String, String> settings) {
        return start(dataDir, port, true, settings);
    }

    static LocalPostgres start(Path dataDir, int port, boolean durable) {
        return start(dataDir, port, durable, java.util.Map.of());
    }

    /**
     * @param durable false keeps zonky's fsync=off, right for throw-away test data; true turns fsync back on
     *                because the dev stack's data is meant to outlive a crash of the machine.
     */
    private static LocalPostgres start(
            Path dataDir, int port, boolean durable, java.util.Map<String, String> settings) {
        requireRunnableAsThisUser();
        int resolvedPort = Ports.resolve(port);
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
            // Next to, not inside, the data directory: initdb refuses a non-empty directory.
            Path serverLog = dir.resolveSibling(dir.getFileName() + ".log");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(resolvedPort)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // we close it ourselves; zonky's own hook would race ours at JVM exit
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(Redirect.appendTo(serverLog.toFile()))
                    .setErrorRedirector(Redirect.appendTo(serverLog.toFile()));
            settings.forEach(builder::setServerConfig);
            if (durable) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            long started = System.nanoTime();
            LocalPostgres postgres = new LocalPostgres(builder.start(), dir);
            log.info("PostgreSQL ready on port {} in {} ms", resolvedPort, (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on 127.0.0.1:" + resolvedPort + " with data in " + dir + ": "
                            + e.getMessage() + " (see " + dir.getFileName() + ".log next to it)",
                    e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public void createDatabaseIfMissing(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + jdbcUrl("postgres"), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port() + " did not stop cleanly", e);
        }
    }

    /** initdb refuses root; zonky gets around it with {@code unshare -U}, which must therefore be on the PATH. */
    private static void requireRunnableAsThisUser() {
        if (isRoot() && !onPath("unshare")) {
            throw new IllegalStateException("embedded PostgreSQL cannot run as root without 'unshare' on the PATH"
                    + " (initdb refuses root): install util-linux or run as a non-root user");
        }
    }

    private static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
