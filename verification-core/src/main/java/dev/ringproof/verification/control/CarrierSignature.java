package dev.ringproof.verification.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Twilio scheme that carriers of that shape sign their status callbacks with:
 * base64(HMAC-SHA1(auth token, callback URL + each parameter's name and value, sorted by name)).
 * The URL is the one we gave the carrier, not what a proxy in front of us makes of it.
 */
public final class CarrierSignature {

    private CarrierSignature() {}

    public static String of(String authToken, String url, Map<String, String> params) {
        var signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    public static boolean matches(String authToken, String url, Map<String, String> params, String signature) {
        if (signature == null || authToken.isEmpty()) {
            return false;
        }
        byte[] expected = of(authToken, url, params).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}
