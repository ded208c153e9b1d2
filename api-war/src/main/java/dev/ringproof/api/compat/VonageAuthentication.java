package dev.ringproof.api.compat;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import dev.ringproof.api.security.Authentication;
import dev.ringproof.api.tenant.TenantAuthentication;
import dev.ringproof.tenant.boundary.VonageApplications;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The Vonage door's authentication: what Vonage's SDKs send, a JWT ({@code Authorization:
 * Bearer …}) signed by a Vonage application registered on the tenant, or HTTP Basic as at
 * every door ({@link CompatAuthentication}).
 */
public final class VonageAuthentication implements Authentication {

    private static final String BEARER = "Bearer ";

    private final CompatAuthentication basic;
    private final VonageApplications applications;

    public VonageAuthentication(CompatAuthentication basic, VonageApplications applications) {
        this.basic = basic;
        this.applications = applications;
    }

    @Override
    public SecurityContext authenticate(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return basic.authenticate(request);
        }
        var caller = applications
                .authenticate(authorization.substring(BEARER.length()).strip())
                .orElseThrow(() -> new NotAuthorizedException(Problem.of(
                                ErrorCode.UNAUTHORIZED,
                                "The JWT is not signed by a registered application, has expired or was used before.")
                        .toResponseBuilder()
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ringproof\"")
                        .build()));
        return TenantAuthentication.admit(request, caller, "Bearer");
    }
}
