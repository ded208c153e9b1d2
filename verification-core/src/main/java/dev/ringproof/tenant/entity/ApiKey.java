package dev.ringproof.tenant.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * A tenant's credential for the tenant API. Only a SHA-256 of its 256-bit random secret is
 * kept: that is enough for a secret of full entropy, and fast on every request.
 */
@Entity
@Cacheable
@Table(name = "api_key")
@NamedQuery(
        name = ApiKey.OF_TENANT,
        query = "select k from ApiKey k where k.tenantId = :tenant order by k.createdAt, k.id")
public class ApiKey {

    public static final String OF_TENANT = "ApiKey.ofTenant";

    @Id
    private String id;

    @Column(name = "tenant_id")
    private String tenantId;

    private String label;
    private String mode;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiKey() {
        // for JPA
    }

    public ApiKey(String id, String tenantId, String label, String mode, String secret, OffsetDateTime createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.label = label;
        this.mode = mode;
        this.secretHash = hash(secret);
        this.createdAt = createdAt;
    }

    /** Constant-time comparison of the presented secret's hash with the stored one. */
    public boolean accepts(String secret) {
        return revokedAt == null
                && MessageDigest.isEqual(
                        hash(secret).getBytes(StandardCharsets.US_ASCII),
                        secretHash.getBytes(StandardCharsets.US_ASCII));
    }

    public void revoke(OffsetDateTime at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    static String hash(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String label() {
        return label;
    }

    public String mode() {
        return mode;
    }

    public boolean isTest() {
        return "test".equals(mode);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }
}
