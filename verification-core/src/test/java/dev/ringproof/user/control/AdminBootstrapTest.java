package dev.ringproof.user.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import jakarta.ejb.EJBException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AdminBootstrapTest {

    @Test
    void generatedPasswordsAreLongEnoughAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> {
            String password = AdminBootstrap.generatePassword();
            assertThat(ConsoleUser.isAcceptablePassword(password)).isTrue();
            assertThat(password).hasSize(24).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(password)).isTrue();
        });
    }

    @Test
    void theNoticeOfAGeneratedPasswordNamesTheAccountPage() {
        String notice = AdminBootstrap.generatedPasswordNotice("admin", "pw-generated-123");

        assertThat(notice)
                .contains("with the generated password pw-generated-123 ")
                .contains("My account page (/admin/account/index.xhtml)")
                .doesNotContain("change it in the console");
    }

    @Test
    void aServerThatLosesTheRaceForTheFirstAdminToAnotherServerStarts() {
        var bootstrap = bootstrap(new RacingUsers(true));

        assertThatCode(bootstrap::ensureAnAdminExists).doesNotThrowAnyException();
    }

    @Test
    void aFailureToCreateTheFirstAdminWithNoAdminMadeElsewhereStopsTheStart() {
        var bootstrap = bootstrap(new RacingUsers(false));

        assertThatThrownBy(bootstrap::ensureAnAdminExists).hasMessageContaining("duplicate key");
    }

    private static AdminBootstrap bootstrap(ConsoleUsers users) {
        var bootstrap = new AdminBootstrap();
        bootstrap.users = users;
        bootstrap.username = "admin";
        bootstrap.configuredPassword = Optional.of("bootstrap-password-1");
        return bootstrap;
    }

    /** No admin when asked first; creating one fails as a duplicate key; then another server's admin is there, or not. */
    private static final class RacingUsers extends ConsoleUsers {
        private final boolean createdElsewhere;
        private int asked;

        RacingUsers(boolean createdElsewhere) {
            this.createdElsewhere = createdElsewhere;
        }

        @Override
        public boolean hasActiveAdmin() {
            return asked++ > 0 && createdElsewhere;
        }

        @Override
        public ConsoleUser create(String username, String password, Set<Role> roles, boolean mustChangePassword) {
            throw new EJBException("duplicate key value violates unique constraint");
        }
    }
}
