package dev.ringproof.platform.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where a redirect or a {@code Location} header points: the configured public base URL
 * ({@code ringproof.public-url}, e.g. {@code https://verify.example.com}) followed by a path on
 * this server, or that path alone (a relative reference) when none is configured. Never the
 * request's {@code Host}: a URL that the server built from it is cut back to its path first,
 * so a forged {@code Host: evil.example} cannot send a browser elsewhere.
 */
public final class PublicUrl {

    public static final String KEY = "ringproof.public-url";

    private final String base;

    private PublicUrl(String base) {
        this.base = base;
    }

    /** The one configured for this deployment; an invalid value stops the module that reads it. */
    public static PublicUrl configured() {
        return of(ConfigProvider.getConfig().getOptionalValue(KEY, String.class));
    }

    /** An absolute http(s) URL with a host and nothing after its path, or none (relative locations). */
    public static PublicUrl of(Optional<String> configured) {
        String value = configured.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        if (value == null) {
            return new PublicUrl("");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid(value);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return new PublicUrl(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(KEY + " must be an absolute http(s) URL such as https://verify.example.com"
                + " (no user info, query or fragment), not: " + value);
    }

    /** The public base URL without a trailing slash, or empty when locations stay relative. */
    public String base() {
        return base;
    }

    /**
     * The {@code Location} for a redirect to {@code target} in answer to a request for
     * {@code requestUri} that arrived at {@code requestOrigin} ({@code scheme://host:port}, as
     * the request's {@code Host} made it). A target on that origin, or a path, becomes the
     * public base URL plus its path; a relative path is resolved against the request's path
     * first. An absolute URL on another origin is a deliberate link elsewhere and stays as it is.
     */
    public String location(String target, String requestUri, String requestOrigin) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return target;
        }
        String path;
        if (uri.getScheme() != null || uri.getRawAuthority() != null) {
            if (!sameOrigin(uri, requestOrigin)) {
                return target;
            }
            path = pathAndAfter(uri);
        } else if (target.startsWith("/")) {
            path = target;
        } else {
            path = pathAndAfter(URI.create(requestUri).resolve(uri));
        }
        return base + (path.isEmpty() ? "/" : path);
    }

    private static boolean sameOrigin(URI target, String requestOrigin) {
        URI origin = URI.create(requestOrigin);
        String scheme = target.getScheme() == null ? origin.getScheme() : target.getScheme();
        return scheme != null
                && scheme.equalsIgnoreCase(origin.getScheme())
                && target.getHost() != null
                && target.getHost().equalsIgnoreCase(origin.getHost())
                && port(target, scheme) == port(origin, origin.getScheme());
    }

    private static int port(URI uri, String scheme) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private static String pathAndAfter(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
        return path + query + fragment;
    }
}
