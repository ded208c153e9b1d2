package dev.ringproof.user.boundary;

import dev.ringproof.user.control.PasswordHasher;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/** The accounts of the console and of the admin and billing APIs. */
@Stateless
public class ConsoleUsers {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    public ConsoleUser create(String username, String password, Set<Role> roles) {
        if (!ConsoleUser.isAcceptablePassword(password)) {
            throw new IllegalArgumentException("password must have at least "
                    + ConsoleUser.MIN_PASSWORD_LENGTH + " characters");
        }
        var user = new ConsoleUser(username, hasher.hash(password), roles, OffsetDateTime.now(clock));
        em.persist(user);
        return user;
    }

    /** The roles of an enabled user whose password matches; empty otherwise. */
    public Optional<Set<Role>> authenticate(String username, String password) {
        var user = ConsoleUser.isValidUsername(username) ? em.find(ConsoleUser.class, username) : null;
        if (user == null || !user.isEnabled() || password == null
                || !hasher.matches(password, user.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(user.roles());
    }

    public boolean hasActiveAdmin() {
        return em.createNamedQuery(ConsoleUser.COUNT_ACTIVE_WITH_ROLE, Long.class)
                .setParameter("role", Role.ADMIN)
                .getSingleResult() > 0;
    }
}
