package dev.ringproof.user.entity;

/**
 * What a console session needs to know about its user on every request: whether the account
 * is still enabled, its session version, and whether it must set a new password first.
 */
public record SessionState(boolean enabled, int sessionVersion, boolean mustChangePassword) {

    /** Whether a session signed in at {@code signedInVersion} may go on. */
    public boolean admits(int signedInVersion) {
        return enabled && sessionVersion == signedInVersion;
    }
}
