package dev.qcurate.command.dispatch;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.server.ResponseStatusException;

/**
 * How a failed command is told to the client: broken input is 400, a rule broken by the current state 409, the
 * four-eyes rule 403, an unknown aggregate 404, a database that cannot be reached 503 (nothing stored), or one that
 * went away during the commit 503 too, but saying the outcome is unknown.
 */
public record CommandFailure(HttpStatus status, String title, String detail) {

    public static CommandFailure of(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            return new CommandFailure(code, code.getReasonPhrase(), status.getReason());
        }
        if (e instanceof CommandForbiddenException) {
            return new CommandFailure(HttpStatus.FORBIDDEN, "Review not allowed", e.getMessage());
        }
        if (e instanceof AggregateNotFoundException) {
            return new CommandFailure(HttpStatus.NOT_FOUND, "Not found", "no such question, proposal, list or user");
        }
        if (e instanceof AggregateStreamCreationException) {
            return new CommandFailure(
                    HttpStatus.CONFLICT,
                    "Already exists",
                    "an item with this identity was created at the same moment; reload and try again");
        }
        if (e instanceof ConcurrencyException || e instanceof DeadlockException) {
            return new CommandFailure(
                    HttpStatus.CONFLICT,
                    "Concurrent change",
                    "another change to the same item won the race; reload and try again");
        }
        if (e instanceof CommitOutcomeUnknownException) {
            return new CommandFailure(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Outcome unknown",
                    "the database went away while the command was committing: it may or may not have been stored;"
                            + " send it again with the same Idempotency-Key to learn which (without one, read"
                            + " before sending it again)");
        }
        if (storageUnreachable(failure)) {
            return new CommandFailure(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Storage unavailable",
                    "the event store cannot be reached; nothing was stored, retry later");
        }
        if (e instanceof IllegalArgumentException) {
            return new CommandFailure(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        }
        if (e instanceof IllegalStateException) {
            return new CommandFailure(HttpStatus.CONFLICT, "Conflict with current state", e.getMessage());
        }
        return new CommandFailure(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "the command failed unexpectedly; nothing was stored");
    }

    /**
     * Spring's translated exceptions, and what Axon's JDBC event store throws (its own wrappers around the driver's
     * exception): connection failures (SQLState class 08), a server shutting down (57P), and a pooled connection
     * that died with the server.
     */
    private static boolean storageUnreachable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DataAccessResourceFailureException
                    || e instanceof CannotCreateTransactionException
                    || e instanceof java.sql.SQLTransientConnectionException
                    || e instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (e instanceof java.sql.SQLException sql
                    && (sql.getSQLState() == null
                            || sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("57P"))) {
                return true; // no SQLState: the pool's own "Connection is closed", never a statement PostgreSQL refused
            }
        }
        return false;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CommandExecutionException || e instanceof java.util.concurrent.CompletionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
