package dev.ringproof.admin.security;

import java.time.Duration;

/**
 * How long a console session may live: it ends after {@code idle} without a user action (the
 * dashboard's background poll is not one, so a forgotten dashboard tab does not keep a
 * session open forever) and, whatever happens in it, {@code absolute} after sign-in.
 */
record SessionLifetime(Duration idle, Duration absolute) {

    /** The session attribute holding the time of the last user action (epoch milliseconds). */
    static final String LAST_ACTION = "ringproof.last-action";

    /** Whether a session created at {@code created} whose last user action was at {@code lastAction} is over at {@code now}. */
    boolean over(long created, Long lastAction, long now) {
        long since = lastAction == null ? created : lastAction;
        return now - since > idle.toMillis() || now - created > absolute.toMillis();
    }

    /**
     * Whether a Faces ajax request with this {@code jakarta.faces.source} is the dashboard's
     * background poll rather than something the user did.
     */
    static boolean isBackgroundPoll(String source) {
        return source != null && (source.equals(POLL_ID) || source.endsWith(":" + POLL_ID));
    }

    /** The id of the dashboard's p:poll (index.xhtml). */
    static final String POLL_ID = "traffic-poll";
}
