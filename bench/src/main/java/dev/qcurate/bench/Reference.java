package dev.qcurate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The durable-append limit of this machine: {@code clients} connections each doing single-row INSERT + COMMIT (auto
 * commit, synchronous_commit on) into a table of its own in the same PostgreSQL, as fast as they can.
 */
final class Reference {

    /** How many rows were inserted and committed, in how many seconds. */
    record Run(long inserts, double seconds) {
        double rate() {
            return inserts / seconds;
        }
    }

    private Reference() {}

    static Run insertsPerSecond(String jdbcUrl, String user, String password, int clients, double seconds)
            throws Exception {
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password);
                Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE SCHEMA IF NOT EXISTS bench");
            ddl.execute("DROP TABLE IF EXISTS bench.reference_append");
            ddl.execute("CREATE TABLE bench.reference_append (id bigserial PRIMARY KEY, client int NOT NULL,"
                    + " payload bytea NOT NULL, at timestamptz NOT NULL DEFAULT now())");
        }
        LongAdder inserted = new LongAdder();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        byte[] payload = new byte[300]; // about an event's size
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO bench.reference_append (client, payload) VALUES (?, ?)")) {
                    connection.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        insert.setInt(1, client);
                        insert.setBytes(2, payload);
                        insert.executeUpdate();
                        inserted.increment();
                    }
                } catch (SQLException e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return new Run(inserted.sum(), (System.nanoTime() - started) / 1e9);
    }
}
