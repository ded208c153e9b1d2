package dev.ringproof.tenant.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JWT as Vonage's SDKs sign them for an application: RS256 over the application's private
 * key, claims {@code application_id}, {@code iat}, {@code jti} and maybe {@code exp}/{@code nbf}.
 * Read first without trust ({@link #read}) to find the registered public key by the
 * application id, then {@link #verify}: only RS256 is accepted (never {@code none} nor an HMAC
 * with the public key as secret), the signature must hold, and the token must be young: a
 * token without {@code exp} (the SDKs' default) is accepted for {@link #MAX_AGE} after its
 * {@code iat}, which also bounds how long its {@code jti} must be remembered against replays.
 */
public final class ApplicationToken {

    public static final Duration MAX_AGE = Duration.ofMinutes(15);
    static final Duration SKEW = Duration.ofSeconds(60);
    private static final int MAX_LENGTH = 8192;
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String signedPart;
    private final byte[] signature;
    private final JsonObject header;
    private final JsonObject claims;

    private ApplicationToken(String signedPart, byte[] signature, JsonObject header, JsonObject claims) {
        this.signedPart = signedPart;
        this.signature = signature;
        this.header = header;
        this.claims = claims;
    }

    /** What the token says, not yet trusted; empty when it is not a well-formed JWT with an application id. */
    public static Optional<ApplicationToken> read(String compact) {
        if (compact == null || compact.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3
                || !PART.matcher(parts[0]).matches()
                || !PART.matcher(parts[1]).matches()
                || !PART.matcher(parts[2]).matches()) {
            return Optional.empty();
        }
        try {
            var token = new ApplicationToken(
                    parts[0] + "." + parts[1], decode(parts[2]), object(parts[0]), object(parts[1]));
            return token.applicationId().isPresent() ? Optional.of(token) : Optional.empty();
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The application the token claims to come from: a UUID, lower-cased. */
    public Optional<String> applicationId() {
        return text(claims, "application_id")
                .filter(id -> UUID.matcher(id).matches())
                .map(id -> id.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The token's {@code jti} and the instant after which it is refused anyway, when it is
     * signed with RS256 by the key's private half and is valid at {@code now}; else empty.
     */
    public Optional<Accepted> verify(RSAPublicKey key, Instant now) {
        if (!"RS256".equals(text(header, "alg").orElse(null)) || header.containsKey("crit") || !signatureHolds(key)) {
            return Optional.empty();
        }
        var jti = text(claims, "jti").filter(id -> !id.isBlank() && id.length() <= 200);
        var issuedAt = seconds("iat");
        if (jti.isEmpty() || issuedAt.isEmpty() || issuedAt.get().isAfter(now.plus(SKEW))) {
            return Optional.empty();
        }
        Instant until = issuedAt.get().plus(MAX_AGE);
        if (claims.containsKey("exp")) {
            var expires = seconds("exp");
            if (expires.isEmpty()) {
                return Optional.empty();
            }
            until = expires.get().isBefore(until) ? expires.get() : until;
        }
        if (claims.containsKey("nbf")
                && seconds("nbf").map(nbf -> nbf.isAfter(now.plus(SKEW))).orElse(true)) {
            return Optional.empty();
        }
        if (!now.isBefore(until.plus(SKEW))) {
            return Optional.empty();
        }
        return Optional.of(new Accepted(jti.get(), until.plus(SKEW)));
    }

    /** A verified token: its id and until when it would be accepted (so until when to remember it). */
    public record Accepted(String jti, Instant acceptedUntil) {}

    private boolean signatureHolds(RSAPublicKey key) {
        try {
            var verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signedPart.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private Optional<Instant> seconds(String claim) {
        if (!(claims.get(claim) instanceof JsonNumber number) || !number.isIntegral()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(number.longValueExact()));
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty();
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static JsonObject object(String part) {
        try (var reader = Json.createReader(new StringReader(new String(decode(part), StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            return value.asJsonObject();
        }
    }
}
