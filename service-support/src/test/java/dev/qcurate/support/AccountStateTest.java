package dev.qcurate.support;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;

import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccountStateTest {

    private static final Instant CHANGED = Instant.parse("2026-12-01T10:00:00.700Z");

    @Test
    void anEnabledAccountWithoutChangesAcceptsAnyToken() {
        assertThat(accepts(new AccountState(true, null), Instant.parse("2020-01-01T00:00:00Z")))
                .isTrue();
        assertThat(accepts(new AccountState(true, null), null)).isTrue();
    }

    @Test
    void aDisabledAccountRefusesEveryToken() {
        assertThat(descriptions(new AccountState(false, null).judge(Instant.now())))
                .isEqualTo("the account is disabled");
    }

    @Test
    void aTokenFromBeforeTheChangeIsVoid() {
        assertThat(descriptions(new AccountState(true, CHANGED).judge(Instant.parse("2026-12-01T09:59:59Z"))))
                .startsWith("the token was issued before");
    }

    @Test
    void aTokenFromTheSameSecondAsTheChangeStillCounts() {
        // JWT times are whole seconds: 10:00:00 for a change at 10:00:00.7 is the same second
        assertThat(accepts(new AccountState(true, CHANGED), Instant.parse("2026-12-01T10:00:00Z")))
                .isTrue();
        assertThat(accepts(new AccountState(true, CHANGED), Instant.parse("2026-12-01T10:00:01Z")))
                .isTrue();
    }

    @Test
    void aTokenWithoutIssueTimeIsVoidOnceTheAccountChanged() {
        assertThat(new AccountState(true, CHANGED).judge(null).hasErrors()).isTrue();
    }

    @Test
    void readsTheStoredColumns() {
        assertThat(AccountState.of(true, null)).isEqualTo(new AccountState(true, null));
        assertThat(AccountState.of(false, Timestamp.from(CHANGED))).isEqualTo(new AccountState(false, CHANGED));
    }

    private static boolean accepts(AccountState state, Instant issuedAt) {
        return !state.judge(issuedAt).hasErrors();
    }

    private static String descriptions(OAuth2TokenValidatorResult result) {
        assertThat(result.getErrors()).hasSize(1);
        return result.getErrors().iterator().next().getDescription();
    }
}
