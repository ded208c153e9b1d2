package dev.ringproof.user.control;

import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
 * with a generated password that is written once to the server log. An admin with a
 * generated password must set a new one at their first console sign-in.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final int GENERATED_PASSWORD_BYTES = 18;
    /** The console's My account page, where the first admin sets their own password. */
    static final String ACCOUNT_PAGE = "/admin/account/index.xhtml";

    @EJB
    ConsoleUsers users;

    @Inject
    @ConfigProperty(name = "admin.bootstrap.user", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "admin.bootstrap.password")
    Optional<String> configuredPassword;

    /**
     * Without a transaction of its own: the user is created in one of {@link ConsoleUsers}', so that
     * when the servers of a cluster start together on a new database and another one created the
     * admin first (a duplicate key here), this server sees that admin and starts.
     */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void ensureAnAdminExists() {
        if (users.hasActiveAdmin()) {
            return;
        }
        Optional<String> configured = configuredPassword.filter(p -> !p.isBlank());
        if (configured.isPresent() && !ConsoleUser.isAcceptablePassword(configured.get())) {
            throw new IllegalStateException(
                    "admin.bootstrap.password must have at least " + ConsoleUser.MIN_PASSWORD_LENGTH + " characters");
        }
        String password = configured.orElseGet(AdminBootstrap::generatePassword);
        try {
            users.create(username, password, Set.of(Role.ADMIN), configured.isEmpty());
        } catch (RuntimeException e) {
            if (users.hasActiveAdmin()) {
                LOG.info("Another server created the first admin meanwhile");
                return;
            }
            throw e;
        }
        if (configured.isPresent()) {
            LOG.info(() -> "Created the first admin '" + username + "' from admin.bootstrap.password");
        } else {
            LOG.warning(() -> generatedPasswordNotice(username, password));
        }
    }

    static String generatedPasswordNotice(String username, String password) {
        return "Created the first admin '" + username + "' with the generated password " + password
                + " - it is shown only this once. Sign in to the console with it and set your own password on"
                + " the My account page (" + ACCOUNT_PAGE + "), which the console opens until you have done so.";
    }

    static String generatePassword() {
        byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
