package dev.ringproof.user.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Someone who signs in to the console or the admin and billing APIs. */
@Entity
@Table(name = "console_user")
@NamedQuery(
        name = ConsoleUser.COUNT_ACTIVE_WITH_ROLE,
        query = "select count(u) from ConsoleUser u join u.roles r where u.enabled = true and r = :role")
@NamedQuery(name = ConsoleUser.ALL, query = "select u from ConsoleUser u order by u.username")
@NamedQuery(name = ConsoleUser.ENABLED, query = "select u from ConsoleUser u where u.enabled = true")
@NamedQuery(
        name = ConsoleUser.SESSION_STATE,
        query = "select new dev.ringproof.user.entity.SessionState("
                + "u.enabled, u.sessionVersion, u.mustChangePassword) from ConsoleUser u where u.username = :username")
public class ConsoleUser {

    public static final String COUNT_ACTIVE_WITH_ROLE = "ConsoleUser.countActiveWithRole";
    public static final String ALL = "ConsoleUser.all";
    public static final String ENABLED = "ConsoleUser.enabled";
    public static final String SESSION_STATE = "ConsoleUser.sessionState";
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "console_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    @Convert(converter = RoleConverter.class)
    private Set<Role> roles = new HashSet<>();

    /** Goes up when the password, the roles or the state change: older console sessions end. */
    @Column(name = "session_version", nullable = false)
    private int sessionVersion;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    protected ConsoleUser() {
        // for JPA
    }

    public ConsoleUser(String username, String passwordHash, Set<Role> roles, OffsetDateTime createdAt) {
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("username must be 3-64 of a-z 0-9 . _ -");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public static boolean isAcceptablePassword(String password) {
        return password != null && password.codePointCount(0, password.length()) >= MIN_PASSWORD_LENGTH;
    }

    /** A password someone else chose (the bootstrap's generated one): the user must set their own first. */
    public void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    /** A new password: every session signed in with the old one ends. */
    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        this.mustChangePassword = false;
        this.sessionVersion++;
    }

    /** New roles; sessions that hold the old ones end (they would keep the old roles otherwise). */
    public void changeRoles(Set<Role> newRoles) {
        if (newRoles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        if (!roles.equals(newRoles)) {
            this.roles = EnumSet.copyOf(newRoles);
            this.sessionVersion++;
        }
    }

    /** Disables the account and ends its sessions. */
    public void disable() {
        if (enabled) {
            this.enabled = false;
            this.sessionVersion++;
        }
    }

    public void enable() {
        this.enabled = true;
    }

    public boolean isActiveAdmin() {
        return enabled && roles.contains(Role.ADMIN);
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int sessionVersion() {
        return sessionVersion;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
