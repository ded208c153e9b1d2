package dev.ringproof.user.boundary;

import dev.ringproof.user.entity.Role;
import java.util.Set;

/** The outcome of a sign-in: accepted, a wrong name or password, or throttled (wait, whatever the password). */
public sealed interface SignIn {

    /** The password is right and the account enabled; {@code sessionVersion} is what a console session keeps. */
    record Accepted(String username, Set<Role> roles, int sessionVersion, boolean mustChangePassword)
            implements SignIn {}

    /** A wrong user name or password, or a disabled account: the same answer for all three. */
    record Refused() implements SignIn {}

    /** Too many failures for this name or from this address: refused for this long, even with the right password. */
    record Throttled(long retryAfterSeconds) implements SignIn {}
}
