package dev.qcurate.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPostgresTest {

    @TempDir
    Path dir;

    @Test
    void keepsDataAcrossRestartsOfTheSameDataDirectory() throws Exception {
        Path data = dir.resolve("pg");
        int port;
        try (LocalPostgres postgres = LocalPostgres.start(data, 0)) {
            port = postgres.port();
            postgres.createDatabaseIfMissing("qcurate");
            postgres.createDatabaseIfMissing("qcurate"); // idempotent
            execute(
                    postgres.jdbcUrl("qcurate"),
                    "create table note(text varchar(20)); insert into note values ('kept')");
        }
        try (LocalPostgres postgres = LocalPostgres.start(data, port)) {
            assertThat(postgres.jdbcUrl("qcurate")).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/qcurate");
            assertThat(queryOne(postgres.jdbcUrl("qcurate"), "select text from note"))
                    .isEqualTo("kept");
        }
    }

    @Test
    void refusesAPortThatIsAlreadyTaken() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalPostgres.start(dir.resolve("pg"), taken.getLocalPort()))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }

    static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String queryOne(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
