package dev.ringproof.user.boundary;

import dev.ringproof.audit.boundary.AuditTrail;
import dev.ringproof.audit.boundary.Audited;
import dev.ringproof.audit.entity.Actor;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.boundary.Refusal.FieldProblem;
import dev.ringproof.platform.boundary.Refusal.Reason;
import dev.ringproof.user.control.PasswordHasher;
import dev.ringproof.user.control.SignInThrottle;
import dev.ringproof.user.entity.ConsoleUser;
import dev.ringproof.user.entity.Role;
import dev.ringproof.user.entity.SessionState;
import jakarta.ejb.EJB;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** The accounts of the console and of the admin and billing APIs. */
@Stateless
public class ConsoleUsers {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @EJB
    SignInThrottle throttle;

    @Inject
    Clock clock;

    @EJB
    AuditTrail trail;

    public ConsoleUser create(String username, String password, Set<Role> roles) {
        return create(username, password, roles, false);
    }

    /** Creates a user; {@code mustChangePassword}: the password was not theirs to choose (the bootstrap's generated one). */
    public ConsoleUser create(String username, String password, Set<Role> roles, boolean mustChangePassword) {
        if (!ConsoleUser.isAcceptablePassword(password)) {
            throw new IllegalArgumentException(
                    "password must have at least " + ConsoleUser.MIN_PASSWORD_LENGTH + " characters");
        }
        var user = new ConsoleUser(username, hasher.hash(password), roles, OffsetDateTime.now(clock));
        if (mustChangePassword) {
            user.requirePasswordChange();
        }
        em.persist(user);
        return user;
    }

    /** An admin adds a user: every problem with the input is a field problem, and a taken name is one too. */
    @Audited(action = "user.create", target = ConsoleUser.class, id = Audited.RESULT)
    public ConsoleUser register(String username, String password, Set<Role> roles) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!ConsoleUser.isValidUsername(username)) {
            problems.add(
                    new FieldProblem("username", "must be 3-64 of a-z 0-9 . _ - (starting with a letter or digit)"));
        } else if (em.find(ConsoleUser.class, username) != null) {
            problems.add(new FieldProblem("username", "is taken"));
        }
        if (!ConsoleUser.isAcceptablePassword(password)) {
            problems.add(new FieldProblem(
                    "password", "must have at least " + ConsoleUser.MIN_PASSWORD_LENGTH + " characters"));
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
                throw new Refusal(
                        Reason.INVALID_REQUEST,
                        "See errors for what to correct.",
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

    /** One account, for an admin to look at. */
    public ConsoleUser find(String username) {
        return user(username);
    }

    public List<ConsoleUser> all() {
        return em.createNamedQuery(ConsoleUser.ALL, ConsoleUser.class).getResultList();
    }

    /**
     * Disables an account and ends its console sessions. Every enabled account is locked
     * first, so two admins disabling each other at once cannot leave no admin at all.
     */
    @Audited(action = "user.disable", target = ConsoleUser.class)
    public ConsoleUser disable(String username) {
        long admins = lockedActiveAdmins();
        var user = user(username);
        if (user.isActiveAdmin() && admins <= 1) {
            throw new Refusal(Reason.INVALID_STATE, "The last active admin cannot be disabled.");
        }
        user.disable();
        return user;
    }

    @Audited(action = "user.enable", target = ConsoleUser.class)
    public ConsoleUser enable(String username) {
        var user = user(username);
        user.enable();
        return user;
    }

    /**
     * An admin sets another user's password and/or roles (null: unchanged); either change ends
     * that user's console sessions. Nothing changes unless all of it is valid; the last active
     * admin keeps the admin role.
     */
    @Audited(action = "user.update", target = ConsoleUser.class)
    public ConsoleUser change(String username, String password, Set<Role> roles) {
        long admins = roles == null ? 0 : lockedActiveAdmins();
        var user = user(username);
        List<FieldProblem> problems = new ArrayList<>();
        if (password != null && !ConsoleUser.isAcceptablePassword(password)) {
            problems.add(new FieldProblem(
                    "password", "must have at least " + ConsoleUser.MIN_PASSWORD_LENGTH + " characters"));
        }
        if (roles != null && roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "pick at least one role"));
        }
        if (!problems.isEmpty()) {
            throw new Refusal(Reason.INVALID_REQUEST, "See errors for what to correct.", problems);
        }
        if (roles != null && user.isActiveAdmin() && !roles.contains(Role.ADMIN) && admins <= 1) {
            throw new Refusal(Reason.INVALID_STATE, "The last active admin must keep the admin role.");
        }
        if (roles != null) {
            user.changeRoles(roles);
        }
        if (password != null) {
            user.changePassword(hasher.hash(password));
        }
        return user;
    }

    /**
     * A signed-in user sets their own password, proving the current one (a wrong one counts
     * as a failed sign-in). Answers the new session version: the caller's own session keeps
     * going under it, every other session of theirs ends.
     */
    @Audited(action = "user.change_own_password", target = ConsoleUser.class)
    public int changeOwnPassword(String username, String currentPassword, String newPassword, String address) {
        if (!ConsoleUser.isAcceptablePassword(newPassword)) {
            throw Refusal.invalid("password", "must have at least " + ConsoleUser.MIN_PASSWORD_LENGTH + " characters");
        }
        if (newPassword.equals(currentPassword)) {
            throw Refusal.invalid("password", "must differ from the current one");
        }
        var outcome = check(username, currentPassword, address);
        recordFailure(username, address, outcome);
        if (outcome instanceof SignIn.Throttled throttled) {
            throw new SignInThrottled(throttled.retryAfterSeconds());
        }
        if (!(outcome instanceof SignIn.Accepted)) {
            throw Refusal.invalid("current_password", "is not your current password");
        }
        var user = user(username);
        user.changePassword(hasher.hash(newPassword));
        return user.sessionVersion();
    }

    private long lockedActiveAdmins() {
        return em
                .createNamedQuery(ConsoleUser.ENABLED, ConsoleUser.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .filter(ConsoleUser::isActiveAdmin)
                .count();
    }

    private ConsoleUser user(String username) {
        var user = ConsoleUser.isValidUsername(username) ? em.find(ConsoleUser.class, username) : null;
        if (user == null) {
            throw Refusal.notFound("user");
        }
        return user;
    }

    /**
     * Checks a user name and password from {@code address}, throttled per name and per address
     * (see {@link SignInThrottle}). A name that does not exist costs the same time as a wrong
     * password of one that does, and is throttled the same way.
     */
    public SignIn signIn(String username, String password, String address) {
        var outcome = check(username, password, address);
        if (outcome instanceof SignIn.Accepted) {
            var roles = ((SignIn.Accepted) outcome)
                    .roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(","));
            trail.write(new Actor(username, roles, address), "user.sign_in", "console_user", username, Map.of());
        }
        recordFailure(username, address, outcome);
        return outcome;
    }

    /**
     * A refused or throttled sign-in, in the audit trail under the name tried when that names a
     * user (anything else typed there could be a password), "unknown" otherwise.
     */
    private void recordFailure(String username, String address, SignIn outcome) {
        if (outcome instanceof SignIn.Accepted) {
            return;
        }
        String known =
                ConsoleUser.isValidUsername(username) && em.find(ConsoleUser.class, username) != null ? username : null;
        trail.write(
                new Actor(known, "none", address),
                "user.sign_in_failed",
                "console_user",
                known,
                Map.of("outcome", outcome instanceof SignIn.Throttled ? "throttled" : "refused"));
    }

    private SignIn check(String username, String password, String address) {
        String name = ConsoleUser.isValidUsername(username) ? username : null;
        var standing = throttle.check(name, address, OffsetDateTime.now(clock));
        if (standing.retryAfterSeconds().isPresent()) {
            return new SignIn.Throttled(standing.retryAfterSeconds().getAsLong());
        }
        var user = name == null ? null : em.find(ConsoleUser.class, name);
        boolean matches = user != null && password != null
                ? hasher.matches(password, user.passwordHash())
                : hasher.matchesNoOne(password);
        if (matches && user.isEnabled()) {
            var wait = standing.failedBefore()
                    ? throttle.succeeded(name, OffsetDateTime.now(clock))
                    : OptionalLong.empty();
            if (wait.isPresent()) {
                return new SignIn.Throttled(wait.getAsLong());
            }
            return new SignIn.Accepted(user.username(), user.roles(), user.sessionVersion(), user.mustChangePassword());
        }
        var wait = throttle.failed(name, address, OffsetDateTime.now(clock));
        return wait.isPresent() ? new SignIn.Throttled(wait.getAsLong()) : new SignIn.Refused();
    }

    /**
     * HTTP Basic on the admin and billing APIs: the roles of an enabled user whose password
     * matches, empty otherwise.
     *
     * @throws SignInThrottled when the name or the address must wait first
     */
    public Optional<Set<Role>> authenticate(String username, String password, String address) {
        var outcome = check(username, password, address);
        recordFailure(username, address, outcome);
        if (outcome instanceof SignIn.Throttled throttled) {
            throw new SignInThrottled(throttled.retryAfterSeconds());
        }
        return outcome instanceof SignIn.Accepted accepted ? Optional.of(accepted.roles()) : Optional.empty();
    }

    /** What a console session checks on every request; empty when the user no longer exists. */
    public Optional<SessionState> sessionState(String username) {
        return em.createNamedQuery(ConsoleUser.SESSION_STATE, SessionState.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    public boolean hasActiveAdmin() {
        return em.createNamedQuery(ConsoleUser.COUNT_ACTIVE_WITH_ROLE, Long.class)
                        .setParameter("role", Role.ADMIN)
                        .getSingleResult()
                > 0;
    }
}
