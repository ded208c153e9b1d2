package dev.ringproof.api.security;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * CSRF defence for the APIs a browser can hold credentials for (HTTP Basic is cached by
 * browsers): a request that changes something and that a browser marks as coming from
 * another site ({@code Sec-Fetch-Site: cross-site|same-site}, or an {@code Origin} that is
 * not this server) is refused with 403 before any password is checked, body or not.
 * Server-to-server clients send neither header and are not affected.
 */
final class CrossSiteRefusal {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

    private CrossSiteRefusal() {}

    /** Refuses (403) a write that a browser says comes from another site. */
    static void check(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        boolean foreign = (site != null && FOREIGN_SITES.contains(site.strip().toLowerCase(Locale.ROOT)))
                || (origin != null && !sameOrigin(origin, request.getHeaderString("Host")));
        if (foreign) {
            throw new ForbiddenException(Problem.of(
                            ErrorCode.FORBIDDEN, "Requests that change something are not accepted from another site.")
                    .toResponse());
        }
    }

    /** Whether the browser's Origin names the host and port the browser sent this request to. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI from = new URI(origin.strip());
            if (from.getScheme() == null
                    || from.getHost() == null
                    || (from.getRawPath() != null && !from.getRawPath().isEmpty())) {
                return false;
            }
            URI to = new URI(from.getScheme() + "://" + host.strip() + "/");
            return from.getHost().equalsIgnoreCase(to.getHost()) && port(from) == port(to);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
