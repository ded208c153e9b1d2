package dev.ringproof.api.verification;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.verification.boundary.VerificationHistory.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of verification lists: where the previous page ended (creation time
 * to the nanosecond and id), base64url so clients pass it on as it is. It holds no filter and no
 * tenant: the query's own filters and the caller's key still decide what a page may show.
 */
public final class PageCursor {

    private static final String VERSION = "v1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int MAX_LENGTH = 200;

    private PageCursor() {}

    public static String encode(Position position) {
        String plain = VERSION + " " + position.createdAt().toInstant() + " " + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; null for none; anything this API did not write is 400. */
    public static Position decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(" ", -1);
            if (parts.length != 3
                    || !VERSION.equals(parts[0])
                    || !ID.matcher(parts[2]).matches()) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Position(Instant.parse(parts[1]).atOffset(ZoneOffset.UTC), parts[2]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw Refusal.invalid("cursor", "is not a next_cursor this API gave; start again without it");
        }
    }
}
