package dev.ringproof.api.security;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.util.stream.Collectors;

/**
 * HTTP Basic against the console users, for the admin and billing resources: a write from
 * another site is refused first ({@link CrossSiteRefusal}), then a request without valid
 * credentials is 401 (429 while the user name or the address is throttled, see
 * {@code ConsoleUsers}); one with them carries the user's roles. Tenant keys are not
 * credentials here.
 */
final class ConsoleAuthentication implements Authentication {

    private final ConsoleUsers users;
    private final HttpServletRequest servletRequest;

    /** {@code servletRequest}: the request being served (a proxy), for the address sign-ins are throttled by. */
    ConsoleAuthentication(ConsoleUsers users, HttpServletRequest servletRequest) {
        this.users = users;
        this.servletRequest = servletRequest;
    }

    @Override
    public SecurityContext authenticate(ContainerRequestContext request) {
        CrossSiteRefusal.check(request);
        var credentials = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        var roles =
                credentials.flatMap(c -> users.authenticate(c.user(), c.password(), servletRequest.getRemoteAddr()));
        if (roles.isEmpty()) {
            throw new NotAuthorizedException(
                    Problem.of(ErrorCode.UNAUTHORIZED, "Sign in with HTTP Basic as a console user.")
                            .toResponseBuilder()
                            .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ringproof-admin\", charset=\"UTF-8\"")
                            .build());
        }
        return Caller.of(
                credentials.get().user(),
                roles.get().stream().map(Role::wireName).collect(Collectors.toSet()),
                request.getSecurityContext(),
                SecurityContext.BASIC_AUTH);
    }
}
