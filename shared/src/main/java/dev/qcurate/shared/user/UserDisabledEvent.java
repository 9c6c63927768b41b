package dev.qcurate.shared.user;

import org.axonframework.serialization.Revision;

/** An account was disabled: it cannot sign in, and its existing tokens stop working on both services. */
@Revision("1")
public record UserDisabledEvent(String username) implements UserEvent {
    @Override
    public <R> R accept(UserEvent.Visitor<R> visitor) {
        return visitor.disabled(this);
    }
}
