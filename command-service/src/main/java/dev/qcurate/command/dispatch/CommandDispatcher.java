package dev.qcurate.command.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Sends a command as the signed-in user (metadata {@code actor}, inherited by every event it causes) and answers
 * with the position of its last event in the global event order: the consistency token clients pass to the query
 * service as {@code minPosition}.
 */
@Component
public class CommandDispatcher {

    /** Tries of a command that lost a race with a change made meanwhile (on this or another instance). */
    static final int ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final Counter conflictRetries;
    private final Counter ruleRetries;

    CommandDispatcher(CommandGateway gateway, JdbcTemplate jdbc, MeterRegistry metrics) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.conflictRetries = retries(metrics, "conflict");
        this.ruleRetries = retries(metrics, "rule");
    }

    private static Counter retries(MeterRegistry metrics, String reason) {
        return Counter.builder("qcurate.commands.retried")
                .tag("reason", reason)
                .description("commands run again on a fresh load of their aggregates")
                .register(metrics);
    }

    /** Aggregates a command on this thread will touch, and the position read inside its transaction. */
    static final class Pending {
        final Object[] touched;
        volatile long position = -1;

        Pending(Object[] touched) {
            this.touched = touched;
        }
    }

    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();
    /** Set once the command on this thread has done all its work and its transaction is being committed. */
    private static final ThreadLocal<Boolean> COMMITTING = new ThreadLocal<>();

    /**
     * Sends the command and waits for it; {@code touched} are the aggregates whose events it appends. The position is
     * read inside the command's own transaction ({@link PositionInTransaction}), so a command is either answered
     * with its position or not stored at all — never stored and then answered with an error.
     */
    public <R> Dispatched<R> send(Object command, Object... touched) {
        Pending pending = new Pending(touched);
        PENDING.set(pending);
        try {
            R result = sendAndWait(command);
            return new Dispatched<>(result, pending.position >= 0 ? pending.position : positionOf(touched));
        } finally {
            PENDING.remove();
        }
    }

    /** The command being sent on this thread, if it was sent with {@link #send}. */
    static Pending pending() {
        return PENDING.get();
    }

    static void commitBegins() {
        COMMITTING.set(Boolean.TRUE);
    }

    /**
     * Sends the command and waits for it, without reading a position: for bulk senders, which ask
     * {@link #positionOf} once, after their last command.
     */
    public <R> R sendAndWait(Object command) {
        var message =
                GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with("actor", currentUser()));
        for (int attempt = 1; ; attempt++) {
            COMMITTING.remove();
            try {
                return gateway.sendAndWait(message);
            } catch (RuntimeException failure) {
                if (Boolean.TRUE.equals(COMMITTING.get())) {
                    // the commit itself failed (the database went away meanwhile): stored or not, nobody knows here
                    throw new CommitOutcomeUnknownException(failure);
                }
                if (!runAgain(CommandFailure.unwrap(failure), attempt)) {
                    throw failure;
                }
            } finally {
                COMMITTING.remove();
            }
        }
    }

    /**
     * Whether a failed command is worth running again. Nothing of it was stored, and the unit of work's rollback
     * evicted the aggregates it loaded from the cache, so the next try loads them from the event store:
     * <ul>
     * <li>a {@link ConcurrencyException}: its append collided on the event store's unique (aggregate, sequence) key
     * with a change committed meanwhile (another instance, whose change this instance's cache had not seen);</li>
     * <li>a rule broken ({@link IllegalStateException}, e.g. a stale base revision) on the first try: the rule may
     * have been judged on a cached copy that another instance had already changed. Once more on fresh state, the
     * answer is the true one. A rule broken on fresh state costs one extra run.</li>
     * </ul>
     */
    private boolean runAgain(Throwable cause, int attempt) {
        if (cause instanceof ConcurrencyException && attempt < ATTEMPTS) {
            conflictRetries.increment();
            return true;
        }
        if (cause instanceof IllegalStateException && attempt == 1) {
            ruleRetries.increment();
            return true;
        }
        return false;
    }

    /**
     * The global index of the newest event of the given aggregates. Axon's JDBC engine assigns it on insert, so it
     * is read back after the command's transaction committed (one indexed lookup).
     */
    public long positionOf(Object... aggregateIds) {
        List<String> ids =
                java.util.Arrays.stream(aggregateIds).map(Object::toString).toList();
        Long position = jdbc.queryForObject(
                "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)",
                Long.class,
                (Object) ids.toArray(String[]::new));
        return position == null ? 0 : position;
    }

    public static String currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new IllegalStateException("commands need a signed-in user");
        }
        return authentication.getName();
    }

    /** A command's result and the position of its last event. */
    public record Dispatched<R>(R result, long position) {

        public Map<String, Object> body(Map<String, Object> fields) {
            var body = new java.util.LinkedHashMap<>(fields);
            body.put("position", position);
            return body;
        }
    }
}
