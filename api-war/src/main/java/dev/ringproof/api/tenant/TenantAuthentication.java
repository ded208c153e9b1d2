package dev.ringproof.api.tenant;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import dev.ringproof.tenant.boundary.ApiKeys;
import dev.ringproof.tenant.boundary.TenantCaller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards the tenant API ({@code /api/v1/...}): before anything else, even path matching,
 * a request needs {@code Authorization: Bearer rp_live_…|rp_test_…} of an active tenant;
 * otherwise it is answered 401, so an anonymous caller learns nothing about which paths
 * exist. Keys in the query string are not looked at.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TenantAuthentication implements ContainerRequestFilter {

    static final String TENANT_API_PREFIX = "v1/";
    private static final String CALLER = TenantCaller.class.getName();

    @Inject
    ApiKeys apiKeys;

    /** The authenticated caller of a tenant API request. */
    public static TenantCaller caller(ContainerRequestContext request) {
        return (TenantCaller) request.getProperty(CALLER);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(TENANT_API_PREFIX)) {
            return;
        }
        var key = BearerKey.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (key.isEmpty()) {
            request.abortWith(unauthorized("Send your API key as 'Authorization: Bearer rp_live_…' or 'rp_test_…'."));
            return;
        }
        var caller = apiKeys.authenticate(key.get().mode(), key.get().keyId(), key.get().secret());
        if (caller.isEmpty()) {
            request.abortWith(unauthorized("The API key is unknown or revoked."));
            return;
        }
        request.setProperty(CALLER, caller.get());
    }

    private static Response unauthorized(String detail) {
        return Problem.of(ErrorCode.UNAUTHORIZED, detail)
                .toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ringproof\"")
                .build();
    }
}
