package dev.ringproof.platform.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** RFC 3339 UTC timestamps to the second, as docs/api.md writes them: {@code 2026-11-25T10:00:00Z}. */
public final class Rfc3339 {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private Rfc3339() {}

    public static String format(OffsetDateTime time) {
        return time == null
                ? null
                : time.withOffsetSameInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .format(FORMAT);
    }
}
