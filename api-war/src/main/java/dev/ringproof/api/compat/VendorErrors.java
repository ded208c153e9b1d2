package dev.ringproof.api.compat;

import dev.ringproof.api.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * How one compatibility door answers errors in its vendor's shape: every problem+json answer
 * under {@code /api/compat/<door>/} (refusals, unknown paths, failed authentication, the
 * last-line 500) passes through {@link #reshape} before it leaves, so the vendor's SDK sees
 * the status, body and codes it knows. An implementation is a CDI bean.
 */
public interface VendorErrors {

    /** The door's name, as in {@link CompatDoor}. */
    String door();

    /**
     * Rewrites {@code response}, whose entity is {@code problem}, in the vendor's shape: its
     * status, entity, media type and headers. Nothing internal may be added to it.
     */
    void reshape(Problem problem, ContainerRequestContext request, ContainerResponseContext response);
}
