package dev.ringproof.tenant.boundary;

/**
 * Who is calling the tenant API: the tenant, the key, whether it is a test key, and whether it is
 * a publishable key (the web widget's, which may start and check only what it started itself).
 */
public record TenantCaller(String tenantId, String keyId, boolean test, boolean publishable) {

    /** A caller with a secret key, or through a door. */
    public TenantCaller(String tenantId, String keyId, boolean test) {
        this(tenantId, keyId, test, false);
    }
}
