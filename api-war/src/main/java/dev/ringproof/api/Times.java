package dev.ringproof.api;

import dev.ringproof.platform.control.Rfc3339;
import java.time.OffsetDateTime;

/** RFC 3339 UTC timestamps to the second, as docs/api.md writes them: {@code 2026-11-25T10:00:00Z}. */
public final class Times {

    private Times() {}

    public static String rfc3339(OffsetDateTime time) {
        return Rfc3339.format(time);
    }
}
