package dev.ringproof.tenant.control;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/** An RSA public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo) of 2048 bits or more. */
public final class PublicKeyPem {

    static final int MIN_BITS = 2048;
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PublicKeyPem() {}

    public static Optional<RSAPublicKey> parse(String pem) {
        if (pem == null) {
            return Optional.empty();
        }
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            return Optional.empty();
        }
        String body =
                text.substring(BEGIN.length(), text.length() - END.length()).replaceAll("\\s", "");
        try {
            var key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
            return key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= MIN_BITS
                    ? Optional.of(rsa)
                    : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
