package dev.qcurate.shared.user;

import org.axonframework.serialization.Revision;

import java.util.List;

/** An admin created an account, enabled, with these roles ({@code ADMIN}, {@code EDITOR}, …). No password here. */
@Revision("1")
public record UserRegisteredEvent(String username, List<String> roles) implements UserEvent {
    @Override
    public <R> R accept(UserEvent.Visitor<R> visitor) {
        return visitor.registered(this);
    }
}
