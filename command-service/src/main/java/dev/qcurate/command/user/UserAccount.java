package dev.qcurate.command.user;

import dev.qcurate.shared.user.UserDisabledEvent;
import dev.qcurate.shared.user.UserEnabledEvent;
import dev.qcurate.shared.user.UserPasswordResetEvent;
import dev.qcurate.shared.user.UserRegisteredEvent;
import dev.qcurate.shared.user.UserRolesChangedEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An account's administrative history. Its identifier is {@code user:<username>} so that a username can never collide
 * with another aggregate's UUID in the event store. Credentials are not state here: they live in the login store.
 */
@Aggregate
class UserAccount {

    @AggregateIdentifier
    private String id;

    private List<String> roles;
    private boolean enabled;

    protected UserAccount() {
        // for Axon
    }

    UserAccount(Username username, List<String> roles) {
        apply(new UserRegisteredEvent(username.value(), roles));
    }

    static String idOf(String username) {
        return "user:" + username;
    }

    void changeRoles(List<String> newRoles) {
        if (roles.equals(newRoles)) {
            throw new IllegalStateException("the user already has exactly these roles");
        }
        apply(new UserRolesChangedEvent(username(), newRoles, roles));
    }

    void disable() {
        if (!enabled) {
            throw new IllegalStateException("the user is already disabled");
        }
        apply(new UserDisabledEvent(username()));
    }

    void enable() {
        if (enabled) {
            throw new IllegalStateException("the user is already enabled");
        }
        apply(new UserEnabledEvent(username()));
    }

    void resetPassword() {
        apply(new UserPasswordResetEvent(username()));
    }

    private String username() {
        return id.substring("user:".length());
    }

    @EventSourcingHandler
    void on(UserRegisteredEvent event) {
        id = idOf(event.username());
        roles = event.roles();
        enabled = true;
    }

    @EventSourcingHandler
    void on(UserRolesChangedEvent event) {
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(UserDisabledEvent event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(UserEnabledEvent event) {
        enabled = true;
    }
}
