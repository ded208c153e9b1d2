package dev.ringproof.api;

import dev.ringproof.platform.control.PublicUrl;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A {@code Location} header (201 Created, an idempotent replay) is the path docs/api.md gives,
 * {@code /api/v1/verifications/{id}}, or that path on the configured public URL: never on the
 * host the request's {@code Host} header named (RingproofApi keeps Jersey from resolving it).
 */
@Provider
public class PublicLocation implements ContainerResponseFilter {

    private final PublicUrl publicUrl = PublicUrl.configured();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        var base = request.getUriInfo().getBaseUri();
        String origin = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
        response.getHeaders()
                .putSingle(
                        HttpHeaders.LOCATION,
                        publicUrl.location(
                                location.toString(),
                                request.getUriInfo().getRequestUri().getRawPath(),
                                origin));
    }
}
