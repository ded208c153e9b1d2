package dev.ringproof.api.security;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.Role;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Guards the admin ({@code /api/admin/...}, role admin) and billing ({@code /api/billing/...},
 * role billing or admin) APIs with HTTP Basic against the console users. Tenant keys do
 * not open them.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

    static final String ADMIN_PREFIX = "admin/";
    static final String BILLING_PREFIX = "billing/";

    @Inject
    ConsoleUsers users;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean admin = path.startsWith(ADMIN_PREFIX);
        if (!admin && !path.startsWith(BILLING_PREFIX)) {
            return;
        }
        var roles = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(c -> users.authenticate(c[0], c[1], servletRequest.getRemoteAddr()));
        if (roles.isEmpty()) {
            request.abortWith(Problem.of(ErrorCode.UNAUTHORIZED, "Sign in with HTTP Basic as a console user.")
                    .toResponseBuilder()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ringproof-admin\", charset=\"UTF-8\"")
                    .build());
            return;
        }
        Set<Role> granted = roles.get();
        boolean allowed = granted.contains(Role.ADMIN) || (!admin && granted.contains(Role.BILLING));
        if (!allowed) {
            request.abortWith(forbidden());
        }
    }

    private static Response forbidden() {
        return Problem.of(ErrorCode.FORBIDDEN, "Your role may not use this API.").toResponse();
    }

    private static java.util.Optional<String[]> credentials(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return java.util.Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
