package dev.ringproof.user.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleUserTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin", "ops.billing", "a-b_c", "x12"})
    void acceptsPlainUsernames(String username) {
        assertThat(ConsoleUser.isValidUsername(username)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Admin", "admin ", "<script>", "a'--", "#{7*7}", "ad\u200bmin", ".admin"})
    void refusesOtherUsernames(String username) {
        assertThat(ConsoleUser.isValidUsername(username)).isFalse();
    }

    @Test
    void passwordsNeedTwelveCharacters() {
        assertThat(ConsoleUser.isAcceptablePassword("elevenchars")).isFalse();
        assertThat(ConsoleUser.isAcceptablePassword("twelve-chars")).isTrue();
        assertThat(ConsoleUser.isAcceptablePassword(null)).isFalse();
    }

    @Test
    void needsARole() {
        assertThatThrownBy(() -> new ConsoleUser("ops", "hash", Set.of(), OffsetDateTime.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rolesHaveLowerCaseWireNames() {
        assertThat(Role.ADMIN.wireName()).isEqualTo("admin");
        assertThat(Role.fromWireName("billing")).contains(Role.BILLING);
        assertThat(Role.fromWireName("ADMIN")).isEmpty();
    }

    @Test
    void aNewPasswordNewRolesOrDisablingEndSessionsAndAnUnchangedRoleSetDoesNot() {
        var user = new ConsoleUser("ops", "hash", Set.of(Role.BILLING), OffsetDateTime.now());
        user.requirePasswordChange();
        int signedIn = user.sessionVersion();
        var state = new SessionState(true, signedIn, true);
        assertThat(state.admits(signedIn)).isTrue();

        user.changeRoles(Set.of(Role.BILLING));
        assertThat(user.sessionVersion()).isEqualTo(signedIn);

        user.changePassword("hash2");
        assertThat(user.sessionVersion()).isGreaterThan(signedIn);
        assertThat(user.mustChangePassword()).isFalse();
        assertThat(user.passwordHash()).isEqualTo("hash2");

        int afterPassword = user.sessionVersion();
        user.changeRoles(Set.of(Role.ADMIN));
        assertThat(user.sessionVersion()).isGreaterThan(afterPassword);
        assertThat(user.roles()).containsExactly(Role.ADMIN);

        int afterRoles = user.sessionVersion();
        user.disable();
        assertThat(user.sessionVersion()).isGreaterThan(afterRoles);
        assertThat(new SessionState(false, user.sessionVersion(), false).admits(user.sessionVersion()))
                .isFalse();
        assertThat(new SessionState(true, user.sessionVersion(), false).admits(afterRoles))
                .isFalse();
    }

    @Test
    void rolesCannotBecomeEmpty() {
        var user = new ConsoleUser("ops", "hash", Set.of(Role.BILLING), OffsetDateTime.now());

        assertThatThrownBy(() -> user.changeRoles(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(user.roles()).containsExactly(Role.BILLING);
    }
}
