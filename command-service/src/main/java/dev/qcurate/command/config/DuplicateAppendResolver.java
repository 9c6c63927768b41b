package dev.qcurate.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append broke the event store's unique (aggregate, sequence) key, so that it raises a
 * ConcurrencyException (an aggregate changed by another instance or command meanwhile) or an
 * AggregateStreamCreationException (created twice) instead of a generic storage error. Axon's default resolver only
 * knows {@code SQLIntegrityConstraintViolationException}, which PostgreSQL's driver never throws: it reports
 * SQLState 23505 instead.
 */
final class DuplicateAppendResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable e = exception; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
