package dev.ringproof.api.tenant;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards the tenant API ({@code /api/v1/...}): before anything else, even path matching,
 * a request needs {@code Authorization: Bearer rp_live_…|rp_test_…}; without one it is
 * answered 401 so that an anonymous caller learns nothing about which paths exist.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TenantAuthentication implements ContainerRequestFilter {

    static final String TENANT_API_PREFIX = "v1/";

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
        // fail closed: no key is known until tenants can be given keys
        request.abortWith(unauthorized("The API key is unknown or revoked."));
    }

    private static Response unauthorized(String detail) {
        return Problem.of(ErrorCode.UNAUTHORIZED, detail)
                .toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ringproof\"")
                .build();
    }
}
