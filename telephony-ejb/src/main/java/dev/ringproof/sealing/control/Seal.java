package dev.ringproof.sealing.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a secret value for storage (AES-256-GCM from the JDK, a random 96-bit nonce per
 * value) and binds it to the record it belongs to: the record's id is the associated data,
 * so a sealed code copied onto another attempt, or a webhook secret onto another tenant, no
 * longer opens. The key comes from the configured secret through HKDF, one key per purpose.
 * A sealed value reads {@code sealed1.} and the base64url of nonce, ciphertext and tag.
 */
public final class Seal {

    static final String PREFIX = "sealed1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SALT = "ringproof seal v1".getBytes(StandardCharsets.UTF_8);

    /**
     * One cipher per thread, initialised afresh (key, nonce) for each value: looking the
     * algorithm up for every value was 5 % of what a start and its send allocated.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM", e);
        }
    });

    private final SecretKeySpec key;

    private Seal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The seal of one purpose (say, outbound messages), keyed from {@code secret}. */
    public static Seal derive(String secret, String purpose) {
        return new Seal(Hkdf.sha256(
                secret.getBytes(StandardCharsets.UTF_8), SALT, purpose.getBytes(StandardCharsets.UTF_8), 32));
    }

    /** Whether {@code stored} is a sealed value rather than one written in clear. */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** {@code clear} sealed and bound to {@code boundTo}; null stays null. */
    public String close(String clear, String boundTo) {
        if (clear == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, boundTo);
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] whole = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(whole);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM", e);
        }
    }

    /** The clear value of {@code sealed}, which must have been sealed for {@code boundTo} with this key. */
    public String open(String sealed, String boundTo) {
        if (sealed == null) {
            return null;
        }
        if (!isSealed(sealed)) {
            throw new BrokenSeal("not a sealed value");
        }
        byte[] whole;
        try {
            whole = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new BrokenSeal("not base64url");
        }
        if (whole.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new BrokenSeal("too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(whole, NONCE_BYTES), boundTo);
            return new String(cipher.doFinal(whole, NONCE_BYTES, whole.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new BrokenSeal("altered, bound to another record or sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM", e);
        }
    }

    /** A value stored before sealing existed is taken as it is; a sealed one must open. */
    public String openOrClear(String stored, String boundTo) {
        return isSealed(stored) ? open(stored, boundTo) : stored;
    }

    private Cipher cipher(int mode, byte[] nonce, String boundTo) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
