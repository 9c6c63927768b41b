package dev.qcurate.query.user;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.user.UserDisabledEvent;
import dev.qcurate.shared.user.UserEnabledEvent;
import dev.qcurate.shared.user.UserPasswordResetEvent;
import dev.qcurate.shared.user.UserRegisteredEvent;
import dev.qcurate.shared.user.UserRolesChangedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which account events refuse or void tokens, worked out without a database. */
class AccessChangeTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:30:00Z");

    @Test
    void registrationCreatesAnEnabledAccountWithoutVoidingAnything() {
        assertThat(change(new UserRegisteredEvent("ed", List.of("EDITOR"))))
                .isEqualTo(new AccessChange("ed", 7, null, null));
    }

    @Test
    void disablingRefusesTheAccountAndKeepsTheTokenTime() {
        assertThat(change(new UserDisabledEvent("ed"))).isEqualTo(new AccessChange("ed", 7, false, null));
    }

    @Test
    void reEnablingVoidsTokensIssuedBeforeIt() {
        assertThat(change(new UserEnabledEvent("ed"))).isEqualTo(new AccessChange("ed", 7, true, AT));
    }

    @Test
    void roleChangesAndPasswordResetsVoidOlderTokensAndLeaveTheStateAlone() {
        assertThat(change(new UserRolesChangedEvent("ed", List.of("REVIEWER"), List.of("EDITOR"))))
                .isEqualTo(new AccessChange("ed", 7, null, AT));
        assertThat(change(new UserPasswordResetEvent("ed"))).isEqualTo(new AccessChange("ed", 7, null, AT));
    }

    @Test
    void otherEventsChangeNoAccount() {
        assertThat(AccessChange.of(new StoredEvent(7, "something else", AT, "admin", null)))
                .isEmpty();
    }

    private static AccessChange change(Object payload) {
        return AccessChange.of(new StoredEvent(7, payload, AT, "admin", null)).orElseThrow();
    }
}
