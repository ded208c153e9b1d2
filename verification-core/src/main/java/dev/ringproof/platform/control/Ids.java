package dev.ringproof.platform.control;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opaque ids with a type prefix ({@code vf_…}, {@code tn_…}): 26 characters of lower-case base32 (128
 * bits). The first nine are the creation time in milliseconds as base-26 digits written {@code a} to
 * {@code z}, which sort in time order under any collation; the rest are 83 random bits. The rows a
 * second inserts then go to the end of every index keyed by an id (the primary keys, and the indexes on
 * an attempt's or a verification's id), where a busy second dirties a few pages, instead of one page a
 * row anywhere in the index. 83 random bits still leave an id unguessable. Nine digits last until 2142.
 */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 16;
    private static final int TIME_DIGITS = 9;
    private static final Pattern HEX_128 = Pattern.compile("[0-9a-fA-F]{32}");

    private Ids() {}

    public static String next(String prefix) {
        return next(prefix, System.currentTimeMillis());
    }

    static String next(String prefix, long millis) {
        return prefix + "_" + token(timeFirst(millis));
    }

    /** 16 random bytes whose first 45 bits are nine 5-bit groups, each a base-26 digit of {@code millis}. */
    private static byte[] timeFirst(long millis) {
        long digits = 0;
        long rest = millis;
        for (int i = 0; i < TIME_DIGITS; i++) {
            digits |= (rest % 26) << (5 * i);
            rest /= 26;
        }
        long top = digits << (64 - 5 * TIME_DIGITS);
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        for (int i = 0; i < 5; i++) {
            bytes[i] = (byte) (top >>> (56 - 8 * i));
        }
        bytes[5] = (byte) ((top >>> 16) & 0xf8 | bytes[5] & 0x07);
        return bytes;
    }

    /** 26 characters of [a-z2-7], all 128 bits random: for secrets and what must not tell its time. */
    public static String randomToken() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return token(bytes);
    }

    /**
     * The 128 bits of an id ({@code vf_…}) as 32 lower-case hex digits, for the doors whose
     * vendors spell ids so ({@code VE…}, a UUID); empty when the id is not one of ours.
     */
    public static Optional<String> hex(String id) {
        int separator = id == null ? -1 : id.indexOf('_');
        if (separator < 0 || id.length() - separator - 1 != 26) {
            return Optional.empty();
        }
        byte[] bytes = new byte[BYTES];
        int buffer = 0;
        int bits = 0;
        int at = 0;
        for (char c : id.substring(separator + 1).toCharArray()) {
            int value = c >= 'a' && c <= 'z' ? c - 'a' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
            if (value < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8 && at < BYTES) {
                bytes[at++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return Optional.of(HexFormat.of().formatHex(bytes));
    }

    /** The id with this prefix whose bits are these 32 hex digits (either case); empty when they are not. */
    public static Optional<String> fromHex(String prefix, String hex) {
        if (hex == null || !HEX_128.matcher(hex).matches()) {
            return Optional.empty();
        }
        return Optional.of(prefix + "_" + token(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT))));
    }

    private static String token(byte[] bytes) {
        var out = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
