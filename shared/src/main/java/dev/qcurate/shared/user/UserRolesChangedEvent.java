package dev.qcurate.shared.user;

import org.axonframework.serialization.Revision;

import java.util.List;

/** An account's roles were replaced; tokens issued before this event no longer work. */
@Revision("1")
public record UserRolesChangedEvent(String username, List<String> roles, List<String> previousRoles)
        implements UserEvent {
    @Override
    public <R> R accept(UserEvent.Visitor<R> visitor) {
        return visitor.rolesChanged(this);
    }
}
