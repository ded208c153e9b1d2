package dev.ringproof.api.compat;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import dev.ringproof.api.security.Authentication;
import dev.ringproof.api.security.BasicCredentials;
import dev.ringproof.api.tenant.TenantAuthentication;
import dev.ringproof.tenant.boundary.ApiKeys;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The compatibility doors' authentication: HTTP Basic with the tenant's account SID as the user
 * name and one of its api keys, whole ({@code rp_live_…} or {@code rp_test_…}), as the password
 * — what the vendors' SDKs send as account and token or key and secret. The caller is then the
 * same as a Bearer key's: the same live/test world, limits and tenant.
 */
public final class CompatAuthentication implements Authentication {

    private final ApiKeys apiKeys;

    public CompatAuthentication(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public SecurityContext authenticate(ContainerRequestContext request) {
        var credentials = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .orElseThrow(() -> unauthorized("Send your account SID and api key with HTTP Basic."));
        var caller = apiKeys.authenticate(credentials.user(), credentials.password())
                .orElseThrow(() -> unauthorized("The account SID and api key do not match an active key."));
        return TenantAuthentication.admit(request, caller, SecurityContext.BASIC_AUTH);
    }

    private static NotAuthorizedException unauthorized(String detail) {
        return new NotAuthorizedException(Problem.of(ErrorCode.UNAUTHORIZED, detail)
                .toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ringproof\"")
                .build());
    }
}
