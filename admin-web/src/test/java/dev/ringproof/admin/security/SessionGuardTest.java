package dev.ringproof.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.admin.security.SessionGuard.Verdict;
import dev.ringproof.user.entity.SessionState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionGuardTest {

    private static final Optional<SessionState> ACTIVE = Optional.of(new SessionState(true, 3, false));

    @Test
    void aSessionOfTheAccountsCurrentVersionGoesOn() {
        assertThat(SessionGuard.verdict(ACTIVE, 3, "/index.xhtml")).isEqualTo(Verdict.PASS);
    }

    @Test
    void aDisabledDeletedOrChangedAccountOrAnUnversionedSessionIsSignedOut() {
        assertThat(SessionGuard.verdict(Optional.of(new SessionState(false, 3, false)), 3, "/index.xhtml"))
                .isEqualTo(Verdict.SIGN_OUT);
        assertThat(SessionGuard.verdict(Optional.empty(), 3, "/index.xhtml")).isEqualTo(Verdict.SIGN_OUT);
        assertThat(SessionGuard.verdict(ACTIVE, 2, "/index.xhtml")).isEqualTo(Verdict.SIGN_OUT);
        assertThat(SessionGuard.verdict(ACTIVE, null, "/index.xhtml")).isEqualTo(Verdict.SIGN_OUT);
        assertThat(SessionGuard.verdict(ACTIVE, "3", "/account/index.xhtml")).isEqualTo(Verdict.SIGN_OUT);
    }

    @Test
    void whoMustSetAPasswordGetsOnlyMyAccountAndWhatItLoads() {
        var mustChange = Optional.of(new SessionState(true, 0, true));

        assertThat(SessionGuard.verdict(mustChange, 0, "/index.xhtml")).isEqualTo(Verdict.SET_PASSWORD_FIRST);
        assertThat(SessionGuard.verdict(mustChange, 0, "/tenants/list.xhtml")).isEqualTo(Verdict.SET_PASSWORD_FIRST);
        assertThat(SessionGuard.verdict(mustChange, 0, "/")).isEqualTo(Verdict.SET_PASSWORD_FIRST);
        assertThat(SessionGuard.verdict(mustChange, 0, "/account/index.xhtml")).isEqualTo(Verdict.PASS);
        assertThat(SessionGuard.verdict(mustChange, 0, "/jakarta.faces.resource/theme.css.xhtml"))
                .isEqualTo(Verdict.PASS);
        assertThat(SessionGuard.verdict(mustChange, 1, "/account/index.xhtml")).isEqualTo(Verdict.SIGN_OUT);
    }
}
