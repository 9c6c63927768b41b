package dev.qcurate.shared.user;

import org.axonframework.serialization.Revision;

/** A disabled account was enabled again; tokens issued before this event stay invalid. */
@Revision("1")
public record UserEnabledEvent(String username) implements UserEvent {
    @Override
    public <R> R accept(UserEvent.Visitor<R> visitor) {
        return visitor.enabled(this);
    }
}
