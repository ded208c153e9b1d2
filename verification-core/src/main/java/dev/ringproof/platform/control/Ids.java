package dev.ringproof.platform.control;

import java.security.SecureRandom;

/** Opaque ids with a type prefix ({@code vf_…}, {@code tn_…}): 128 random bits in lower-case base32. */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 16;

    private Ids() {}

    public static String next(String prefix) {
        return prefix + "_" + randomToken();
    }

    /** 26 characters of [a-z2-7]. */
    public static String randomToken() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
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
