package dev.ringproof.tenant.boundary;

/** Who is calling the tenant API: the tenant, the key, and whether it is a test key. */
public record TenantCaller(String tenantId, String keyId, boolean test) {}
