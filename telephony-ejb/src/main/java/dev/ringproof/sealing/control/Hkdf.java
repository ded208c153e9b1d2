package dev.ringproof.sealing.control;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): turns the configured secret, which is a password-like
 * string of any length, into independent keys, one per purpose. Java 17 has no HKDF of its
 * own (javax.crypto.KDF came with Java 24); this is the RFC's two steps over the JDK's HMAC.
 */
public final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {}

    /** {@code length} bytes of output keying material (at most 255 × 32). */
    public static byte[] sha256(byte[] inputKey, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 1 to 8160 bytes");
        }
        try {
            byte[] pseudoRandomKey = hmac(salt.length == 0 ? new byte[HASH_LENGTH] : salt, inputKey);
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(pseudoRandomKey, HMAC));
            byte[] output = new byte[length];
            byte[] block = new byte[0];
            for (int i = 1, done = 0; done < length; i++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) i);
                block = mac.doFinal();
                int take = Math.min(block.length, length - done);
                System.arraycopy(block, 0, output, done, take);
                done += take;
            }
            return output;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(key, HMAC));
        return mac.doFinal(data);
    }
}
