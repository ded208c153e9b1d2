package dev.ringproof.api.security;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Bound by {@link ResourceGuards} to a resource method that says neither who may call it
 * ({@code @Callers}) nor that anybody may ({@code @AnyCaller}): such a method is closed
 * to everyone, so a resource added without a decision fails closed, not open.
 */
@Priority(Priorities.AUTHENTICATION)
final class Unguarded implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        request.abortWith(Problem.of(ErrorCode.FORBIDDEN, "This resource is not open to any caller.")
                .toResponse());
    }
}
