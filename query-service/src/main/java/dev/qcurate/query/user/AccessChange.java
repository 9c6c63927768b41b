package dev.qcurate.query.user;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.user.UserDisabledEvent;
import dev.qcurate.shared.user.UserEnabledEvent;
import dev.qcurate.shared.user.UserEvent;
import dev.qcurate.shared.user.UserPasswordResetEvent;
import dev.qcurate.shared.user.UserRegisteredEvent;
import dev.qcurate.shared.user.UserRolesChangedEvent;

import java.time.Instant;
import java.util.Optional;

/**
 * What one account event changes in whether the account's tokens count, without the SQL: a role change, a password
 * reset or re-enabling voids the tokens issued before the event; disabling refuses every token until re-enabled.
 * {@link ProjectedAccounts} applies a change only to a row that has not applied a later event.
 *
 * @param enabled the new state, or null: unchanged (enabled for an account not seen before)
 * @param tokensNotBefore tokens issued before this instant no longer count, or null: unchanged
 */
record AccessChange(String username, long position, Boolean enabled, Instant tokensNotBefore) {

    /** The change the event makes, or empty for an event about something else. */
    static Optional<AccessChange> of(StoredEvent event) {
        if (!(event.payload() instanceof UserEvent e)) {
            return Optional.empty();
        }
        return Optional.of(e.accept(new UserEvent.Visitor<>() {
            @Override
            public AccessChange registered(UserRegisteredEvent e) {
                return change(e, null, null);
            }

            @Override
            public AccessChange disabled(UserDisabledEvent e) {
                return change(e, false, null);
            }

            @Override
            public AccessChange enabled(UserEnabledEvent e) {
                return change(e, true, event.at());
            }

            @Override
            public AccessChange rolesChanged(UserRolesChangedEvent e) {
                return change(e, null, event.at());
            }

            @Override
            public AccessChange passwordReset(UserPasswordResetEvent e) {
                return change(e, null, event.at());
            }

            private AccessChange change(UserEvent e, Boolean enabled, Instant tokensNotBefore) {
                return new AccessChange(e.username(), event.position(), enabled, tokensNotBefore);
            }
        }));
    }
}
