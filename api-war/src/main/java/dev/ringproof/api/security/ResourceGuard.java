package dev.ringproof.api.security;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import dev.ringproof.audit.boundary.CurrentActor;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Set;
import java.util.stream.Collectors;

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
    private final CurrentActor actor;
    private final HttpServletRequest servletRequest;

    /** {@code actor}, {@code servletRequest}: proxies to the request being served. */
    ResourceGuard(
            Authentication authentication, Set<String> allowed, CurrentActor actor, HttpServletRequest servletRequest) {
        this.authentication = authentication;
        this.allowed = Set.copyOf(allowed);
        this.actor = actor;
        this.servletRequest = servletRequest;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var caller = authentication.authenticate(request);
        request.setSecurityContext(caller);
        actor.actAs(
                caller.getUserPrincipal().getName(),
                allowed.stream().filter(caller::isUserInRole).sorted().collect(Collectors.joining(",")),
                servletRequest.getRemoteAddr());
        if (allowed.stream().noneMatch(caller::isUserInRole)) {
            throw new ForbiddenException(Problem.of(ErrorCode.FORBIDDEN, "Your role may not use this API.")
                    .toResponse());
        }
    }
}
