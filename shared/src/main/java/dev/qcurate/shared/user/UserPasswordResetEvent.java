package dev.qcurate.shared.user;

import org.axonframework.serialization.Revision;

/** An admin set a new password for an account (the password is not part of the event); older tokens stop working. */
@Revision("1")
public record UserPasswordResetEvent(String username) implements UserEvent {
    @Override
    public <R> R accept(UserEvent.Visitor<R> visitor) {
        return visitor.passwordReset(this);
    }
}
