package dev.ringproof.api.tenant;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Locale;

/**
 * The web origin a browser's request comes from: its {@code Origin} header, which browsers send
 * on every cross-origin request and every POST. A same-origin GET carries none (the demo page on
 * this server polling its verification); the browser marks it {@code Sec-Fetch-Site: same-origin},
 * and its origin is then this server as the browser addressed it.
 */
final class BrowserOrigin {

    private BrowserOrigin() {}

    /** The origin, or null when the request says nothing of one (not a browser's, or a very old one). */
    static String of(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin != null) {
            return origin;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        String host = request.getHeaderString("Host");
        if (site == null
                || host == null
                || !site.strip().toLowerCase(Locale.ROOT).equals("same-origin")) {
            return null;
        }
        return request.getUriInfo().getBaseUri().getScheme() + "://" + host.strip();
    }
}
