package dev.ringproof.api.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/** The authenticated caller of one request, as JAX-RS sees it: a name and the roles it holds. */
public record Caller(String name, Set<String> roles, boolean secure, String scheme)
        implements SecurityContext, Principal {

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Principal getUserPrincipal() {
        return this;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }

    /** The security context a filter sets for an authenticated request. */
    public static SecurityContext of(String name, Set<String> roles, SecurityContext transport, String scheme) {
        return new Caller(name, Set.copyOf(roles), transport != null && transport.isSecure(), scheme);
    }
}
