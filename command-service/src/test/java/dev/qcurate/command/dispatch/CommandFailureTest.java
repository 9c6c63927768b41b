package dev.qcurate.command.dispatch;

import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class CommandFailureTest {

    @Test
    void aPooledConnectionThatDiedWithTheDatabaseIsUnavailableNotAnInternalError() {
        var failure = CommandFailure.of(
                new JdbcException("Failed to create a SQL statement", new SQLException("Connection is closed")));
        assertThat(failure.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aPoolThatCannotConnectIsUnavailable() {
        var failure = CommandFailure.of(new JdbcException(
                "Failed to obtain a connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        assertThat(failure.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aStatementPostgresRefusedStaysAnInternalError() {
        var failure =
                CommandFailure.of(new JdbcException("Failed to execute", new SQLException("value too long", "22001")));
        assertThat(failure.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void aBrokenRuleIsAConflict() {
        assertThat(CommandFailure.of(new IllegalStateException("stale")).status())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aDatabaseLostDuringTheCommitLeavesTheOutcomeUnknownInsteadOfClaimingNothingWasStored() {
        var failure = CommandFailure.of(
                new CommitOutcomeUnknownException(new org.springframework.dao.DataAccessResourceFailureException(
                        "JDBC commit", new SQLException("I/O error", "08006"))));
        assertThat(failure.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(failure.title()).isEqualTo("Outcome unknown");
        assertThat(failure.detail()).contains("may or may not have been stored").doesNotContain("nothing was stored");
    }
}
