package dev.ringproof.tenant.control;

import dev.ringproof.platform.boundary.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The web origins a publishable key may be used from, each as a browser sends it in {@code Origin}:
 * {@code scheme://host[:port]}, lower case, the default port left out. Matching is exact: no
 * wildcards, since a key usable from any subdomain is usable from a subdomain an attacker holds.
 */
public final class AllowedOrigins {

    public static final int MAX_ORIGINS = 20;
    private static final int MAX_LENGTH = 200;

    private AllowedOrigins() {}

    /** The origins as stored: normalised, space-separated, or a refusal naming the first bad one. */
    public static String of(List<String> origins) {
        if (origins == null || origins.isEmpty()) {
            throw Refusal.invalid("allowed_origins", "a publishable key needs at least one origin");
        }
        if (origins.size() > MAX_ORIGINS) {
            throw Refusal.invalid("allowed_origins", "at most " + MAX_ORIGINS + " origins");
        }
        var normal = new LinkedHashSet<String>();
        for (String origin : origins) {
            normal.add(normalise(origin)
                    .orElseThrow(() -> Refusal.invalid(
                            "allowed_origins",
                            "each must be an origin such as https://shop.example or http://localhost:3000")));
        }
        return String.join(" ", normal);
    }

    /** The stored origins as a list. */
    public static List<String> list(String stored) {
        return stored == null || stored.isBlank() ? List.of() : new ArrayList<>(List.of(stored.split(" ")));
    }

    /** Whether {@code origin}, as a browser sent it, is one of {@code stored}. */
    public static boolean allows(String stored, String origin) {
        return origin != null && normalise(origin).map(list(stored)::contains).orElse(false);
    }

    /** {@code scheme://host[:port]} in lower case, default port dropped; empty for anything else. */
    public static Optional<String> normalise(String origin) {
        if (origin == null
                || origin.isEmpty()
                || origin.length() > MAX_LENGTH
                || !origin.strip().equals(origin)) {
            return Optional.empty();
        }
        try {
            var uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(
                    scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
