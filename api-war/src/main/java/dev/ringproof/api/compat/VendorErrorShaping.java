package dev.ringproof.api.compat;

import dev.ringproof.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every problem+json answer under {@code /api/compat/<door>/} to that door's
 * {@link VendorErrors}, whatever made it (a refusal, the guard, an unknown path), so no
 * answer of a door is in Ringproof's own shape when its vendor's SDK expects another.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class VendorErrorShaping implements ContainerResponseFilter {

    static final String PREFIX = "compat/";

    @Inject
    @Any
    Instance<VendorErrors> doors;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        doorOf(request.getUriInfo().getPath())
                .ifPresent(door -> doors.stream()
                        .filter(errors -> errors.door().equals(door))
                        .findFirst()
                        .ifPresent(errors -> errors.reshape(problem, request, response)));
    }

    /** The door a request path (relative to {@code /api}) goes to, if it is under {@code compat/}. */
    static java.util.Optional<String> doorOf(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!relative.startsWith(PREFIX)) {
            return java.util.Optional.empty();
        }
        int end = relative.indexOf('/', PREFIX.length());
        return java.util.Optional.of(
                end < 0 ? relative.substring(PREFIX.length()) : relative.substring(PREFIX.length(), end));
    }
}
