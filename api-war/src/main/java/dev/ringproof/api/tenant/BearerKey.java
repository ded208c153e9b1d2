package dev.ringproof.api.tenant;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key as presented in {@code Authorization: Bearer rp_<mode>_<key id>_<secret>}.
 * Parsing is strict: no surrounding whitespace inside the token, exact case, so a key
 * that was altered on the way is refused rather than guessed at.
 */
public record BearerKey(String mode, String keyId, String secret) {

    private static final Pattern TOKEN = Pattern.compile("rp_(live|test)_([A-Za-z0-9]{8,40})_([A-Za-z0-9_-]{20,100})");
    private static final String SCHEME = "Bearer ";

    public static Optional<BearerKey> parse(String authorization) {
        if (authorization == null || !authorization.startsWith(SCHEME)) {
            return Optional.empty();
        }
        var matcher = TOKEN.matcher(authorization.substring(SCHEME.length()));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new BearerKey(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    @Override
    public String toString() {
        return "BearerKey[" + mode + ", " + keyId + ", secret hidden]";
    }
}
