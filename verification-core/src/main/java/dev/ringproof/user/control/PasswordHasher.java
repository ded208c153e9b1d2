package dev.ringproof.user.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes console passwords with Jakarta Security's PBKDF2, in the format its
 * database identity store verifies ({@code algorithm:iterations:salt:hash}).
 * Parameters follow OWASP's 2023 guidance for PBKDF2-HMAC-SHA512.
 *
 * <p>The admin and billing APIs take HTTP Basic, so the password comes with every request,
 * and PBKDF2 costs about 0.2 s of CPU by design. A password that verified against a stored
 * hash is remembered as an HMAC under a key that lives only in this process, keyed by that
 * stored hash: the same password against the same hash verifies at once. A changed password
 * has a new hash (new salt) and pays PBKDF2 again; a wrong password always pays it.
 *
 * <p>A user name that does not exist pays it too ({@link #matchesNoOne}), against a hash made
 * at start-up with the same parameters, so the time of an answer does not tell which names exist.
 */
@ApplicationScoped
public class PasswordHasher {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    static final int MAX_REMEMBERED = 1000;

    private final SecretKeySpec processKey = randomKey();
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private String dummyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(PARAMETERS);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        dummyHash = hash(java.util.Base64.getEncoder().encodeToString(random));
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        byte[] fingerprint = fingerprint(password, hash);
        byte[] known = verified.get(hash);
        if (known != null && MessageDigest.isEqual(known, fingerprint)) {
            return true;
        }
        if (!pbkdf2.verify(password.toCharArray(), hash)) {
            return false;
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(hash, fingerprint);
        return true;
    }

    /** Costs what checking a wrong password against a real hash costs, and is always false. */
    public boolean matchesNoOne(String password) {
        pbkdf2.verify((password == null ? "" : password).toCharArray(), dummyHash);
        return false;
    }

    private byte[] fingerprint(String password, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(processKey);
            mac.update(hash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
