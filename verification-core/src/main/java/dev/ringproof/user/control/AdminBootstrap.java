package dev.ringproof.user.control;

import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure a fresh installation can be administered: when no active admin exists,
 * creates one from {@code admin.bootstrap.user}/{@code admin.bootstrap.password}, or
 * with a generated password that is written once to the server log.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final int GENERATED_PASSWORD_BYTES = 18;

    @Inject
    ConsoleUsers users;

    @Inject
    @ConfigProperty(name = "admin.bootstrap.user", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "admin.bootstrap.password")
    Optional<String> configuredPassword;

    @PostConstruct
    void ensureAnAdminExists() {
        if (users.hasActiveAdmin()) {
            return;
        }
        Optional<String> configured = configuredPassword.filter(p -> !p.isBlank());
        if (configured.isPresent() && !ConsoleUser.isAcceptablePassword(configured.get())) {
            throw new IllegalStateException("admin.bootstrap.password must have at least "
                    + ConsoleUser.MIN_PASSWORD_LENGTH + " characters");
        }
        String password = configured.orElseGet(AdminBootstrap::generatePassword);
        users.create(username, password, Set.of(Role.ADMIN));
        if (configured.isPresent()) {
            LOG.info(() -> "Created the first admin '" + username + "' from admin.bootstrap.password");
        } else {
            LOG.warning(() -> "Created the first admin '" + username + "' with the generated password "
                    + password + " - it is shown only this once; change it in the console");
        }
    }

    static String generatePassword() {
        byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
