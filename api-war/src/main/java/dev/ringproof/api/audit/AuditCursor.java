package dev.ringproof.api.audit;

import dev.ringproof.platform.boundary.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of the audit listing: the sequence number the previous page ended
 * at, base64url. Like the verification listing's cursor it holds no filter: the query's own
 * filters decide what a page shows.
 */
final class AuditCursor {

    private static final String VERSION = "a1 ";
    private static final int MAX_LENGTH = 60;

    private AuditCursor() {}

    static String encode(Long seq) {
        return seq == null
                ? null
                : Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((VERSION + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence number a cursor names; null for none; anything this API did not write is 400. */
    static Long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith(VERSION)) {
                throw new IllegalArgumentException("not a cursor");
            }
            long seq = Long.parseLong(plain.substring(VERSION.length()));
            if (seq < 1) {
                throw new IllegalArgumentException("not a position");
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("cursor", "is not a next_cursor this API gave; start again without it");
        }
    }
}
