package dev.qcurate.shared.user;

/**
 * An event of one user account. Consumers handle the family with a {@link Visitor}, one method per member, so that a
 * new event kind breaks the build of every consumer until it handles it.
 */
public sealed interface UserEvent
        permits UserRegisteredEvent,
                UserRolesChangedEvent,
                UserDisabledEvent,
                UserEnabledEvent,
                UserPasswordResetEvent {

    /** The account the event belongs to. */
    String username();

    /** Calls the visitor's method for this event's type. */
    <R> R accept(Visitor<R> visitor);

    /** What a consumer does with each kind of account event. */
    interface Visitor<R> {
        R registered(UserRegisteredEvent e);

        R rolesChanged(UserRolesChangedEvent e);

        R disabled(UserDisabledEvent e);

        R enabled(UserEnabledEvent e);

        R passwordReset(UserPasswordResetEvent e);
    }
}
