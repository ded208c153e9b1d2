package dev.ringproof.api.tenant;

import dev.ringproof.tenant.boundary.ApiKeys;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key as presented in {@code Authorization: Bearer rp_<mode>_<key id>_<secret>}.
 * Parsing is strict: no surrounding whitespace inside the token, exact case, so a key
 * that was altered on the way is refused rather than guessed at.
 */
public record BearerKey(String mode, String keyId, String secret) {

    private static final Pattern TOKEN = ApiKeys.WHOLE_KEY;
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
