package dev.ringproof.api.tenant;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Authentication;
import dev.ringproof.api.security.Caller;
import dev.ringproof.tenant.boundary.ApiKeys;
import dev.ringproof.tenant.boundary.TenantCaller;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;

/**
 * The tenant API's authentication, for every resource method that allows the {@code tenant}
 * role: the request needs {@code Authorization: Bearer rp_live_…|rp_test_…} of an active
 * tenant, otherwise it is answered 401. Keys in the query string are not looked at. A publishable
 * key ({@code rp_pub_…}) holds only from a browser on one of its origins (else 403), and gives the
 * role {@code publishable}, not {@code tenant}.
 */
public final class TenantAuthentication implements Authentication {

    private static final String CALLER = TenantCaller.class.getName();
    private static final String PUBLISHABLE = "Bearer rp_pub_";

    private final ApiKeys apiKeys;

    public TenantAuthentication(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    /**
     * The authenticated caller of a tenant API request; a request that reached a resource
     * without one (which the guards do not let happen) is answered 401, never 500.
     */
    public static TenantCaller caller(ContainerRequestContext request) {
        if (request.getProperty(CALLER) instanceof TenantCaller caller) {
            return caller;
        }
        throw unauthorized("Send your API key as 'Authorization: Bearer rp_live_…' or 'rp_test_…'.");
    }

    @Override
    public SecurityContext authenticate(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.startsWith(PUBLISHABLE)) {
            var caller = apiKeys.authenticatePublishable(
                            authorization.substring("Bearer ".length()), BrowserOrigin.of(request))
                    .orElseThrow(() -> unauthorized("The publishable key is unknown or revoked."));
            request.setProperty(CALLER, caller);
            return Caller.of(caller.keyId(), Set.of(ApiRoles.PUBLISHABLE), request.getSecurityContext(), "Bearer");
        }
        var key = BearerKey.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .orElseThrow(
                        () -> unauthorized("Send your API key as 'Authorization: Bearer rp_live_…' or 'rp_test_…'."));
        var caller = apiKeys.authenticate(key.mode(), key.keyId(), key.secret())
                .orElseThrow(() -> unauthorized("The API key is unknown or revoked."));
        return admit(request, caller, "Bearer");
    }

    /** Lets {@code caller} in as a tenant for this request, however it proved who it is. */
    public static SecurityContext admit(ContainerRequestContext request, TenantCaller caller, String scheme) {
        request.setProperty(CALLER, caller);
        return Caller.of(caller.keyId(), Set.of(ApiRoles.TENANT), request.getSecurityContext(), scheme);
    }

    private static NotAuthorizedException unauthorized(String detail) {
        return new NotAuthorizedException(Problem.of(ErrorCode.UNAUTHORIZED, detail)
                .toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ringproof\"")
                .build());
    }
}
