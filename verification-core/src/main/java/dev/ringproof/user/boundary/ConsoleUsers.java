package dev.ringproof.user.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.boundary.Refusal.FieldProblem;
import dev.ringproof.platform.boundary.Refusal.Reason;
import dev.ringproof.user.control.PasswordHasher;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    /** An admin adds a user: every problem with the input is a field problem, and a taken name is one too. */
    public ConsoleUser register(String username, String password, Set<Role> roles) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!ConsoleUser.isValidUsername(username)) {
            problems.add(new FieldProblem("username", "must be 3-64 of a-z 0-9 . _ - (starting with a letter or digit)"));
        } else if (em.find(ConsoleUser.class, username) != null) {
            problems.add(new FieldProblem("username", "is taken"));
        }
        if (!ConsoleUser.isAcceptablePassword(password)) {
            problems.add(new FieldProblem("password",
                    "must have at least " + ConsoleUser.MIN_PASSWORD_LENGTH + " characters"));
        }
        if (roles == null || roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "pick at least one role"));
        }
        if (!problems.isEmpty()) {
            throw new Refusal(Reason.INVALID_REQUEST, "See errors for what to correct.", problems);
        }
        var user = create(username, password, roles);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // the same name registered at the same moment (found by bench/fuzz): the loser's name is taken
            if (isDuplicateKey(e)) {
                throw new Refusal(Reason.INVALID_REQUEST, "See errors for what to correct.",
                        List.of(new FieldProblem("username", "is taken")));
            }
            throw e;
        }
        return user;
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public List<ConsoleUser> all() {
        return em.createNamedQuery(ConsoleUser.ALL, ConsoleUser.class).getResultList();
    }

    /**
     * Disables an account; its sessions' next sign-in fails. Every enabled account is locked
     * first, so two admins disabling each other at once cannot leave no admin at all.
     */
    public ConsoleUser disable(String username) {
        var enabled = em.createNamedQuery(ConsoleUser.ENABLED, ConsoleUser.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        var user = user(username);
        long admins = enabled.stream().filter(ConsoleUser::isActiveAdmin).count();
        if (user.isActiveAdmin() && admins <= 1) {
            throw new Refusal(Reason.INVALID_STATE, "The last active admin cannot be disabled.");
        }
        user.disable();
        return user;
    }

    public ConsoleUser enable(String username) {
        var user = user(username);
        user.enable();
        return user;
    }

    private ConsoleUser user(String username) {
        var user = ConsoleUser.isValidUsername(username) ? em.find(ConsoleUser.class, username) : null;
        if (user == null) {
            throw Refusal.notFound("user");
        }
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
