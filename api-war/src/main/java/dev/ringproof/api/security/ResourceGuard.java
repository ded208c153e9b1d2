package dev.ringproof.api.security;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Set;

/**
 * Bound by {@link ResourceGuards} to one resource method, after matching: authenticates the
 * request the way the method's roles call for, then checks that the caller holds one of
 * those roles. Both in one filter, so no ordering of filters can put the role check before
 * the authentication. No caller is 401; the wrong kind of caller is 403.
 */
@Priority(Priorities.AUTHENTICATION)
final class ResourceGuard implements ContainerRequestFilter {

    private final Authentication authentication;
    private final Set<String> allowed;

    ResourceGuard(Authentication authentication, Set<String> allowed) {
        this.authentication = authentication;
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var caller = authentication.authenticate(request);
        request.setSecurityContext(caller);
        if (allowed.stream().noneMatch(caller::isUserInRole)) {
            throw new ForbiddenException(Problem.of(ErrorCode.FORBIDDEN, "Your role may not use this API.")
                    .toResponse());
        }
    }
}
