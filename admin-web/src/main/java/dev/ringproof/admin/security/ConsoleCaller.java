package dev.ringproof.admin.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who signed in to this console session and with which roles, kept in the session as a plain
 * serializable attribute: it travels wherever the session does (to the survivor of a deployment
 * group, through a redeploy that keeps sessions), unlike the container's own record of the
 * authenticated caller (see {@link ConsoleSessionRestore}). Set at sign-in ({@link LoginBacking}),
 * gone with the session at sign-out or when {@link SessionGuard} ends it.
 */
record ConsoleCaller(String name, Set<String> groups) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The session attribute holding it. */
    static final String ATTRIBUTE = "ringproof.console-caller";

    ConsoleCaller {
        groups = Set.copyOf(groups);
    }
}
