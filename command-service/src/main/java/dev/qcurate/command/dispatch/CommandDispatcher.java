package dev.qcurate.command.dispatch;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
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

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;

    CommandDispatcher(CommandGateway gateway, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
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

    /**
     * Sends the command and waits for it, without reading a position: for bulk senders, which ask
     * {@link #positionOf} once, after their last command.
     */
    public <R> R sendAndWait(Object command) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with("actor", currentUser()));
        return gateway.sendAndWait(message);
    }

    /**
     * The global index of the newest event of the given aggregates. Axon's JDBC engine assigns it on insert, so it
     * is read back after the command's transaction committed (one indexed lookup).
     */
    public long positionOf(Object... aggregateIds) {
        List<String> ids = java.util.Arrays.stream(aggregateIds).map(Object::toString).toList();
        Long position = jdbc.queryForObject(
                "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)",
                Long.class, (Object) ids.toArray(String[]::new));
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
