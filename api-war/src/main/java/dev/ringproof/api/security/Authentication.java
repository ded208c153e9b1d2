package dev.ringproof.api.security;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;

/** One way a caller proves who it is: a tenant's api key, or a console user's password. */
public interface Authentication {

    /**
     * The caller of this request, with its roles.
     *
     * @throws WebApplicationException with a problem+json response (401, 403, 429) when it cannot be
     *         authenticated this way
     */
    SecurityContext authenticate(ContainerRequestContext request);
}
