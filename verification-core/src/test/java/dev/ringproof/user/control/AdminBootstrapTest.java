package dev.ringproof.user.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.user.entity.ConsoleUser;
import java.util.HashSet;
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
}
