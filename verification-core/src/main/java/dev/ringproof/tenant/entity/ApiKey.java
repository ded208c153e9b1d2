package dev.ringproof.tenant.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A tenant's credential for the tenant API. Only a SHA-256 of its 256-bit random secret is
 * kept: that is enough for a secret of full entropy, and fast on every request. A publishable
 * key ({@code rp_pub_…}) is no secret: the web widget shows it to every visitor, so it is known by
 * its id alone and holds only for its allowed origins.
 */
@Entity
@Cacheable
@Table(name = "api_key")
@NamedQuery(
        name = ApiKey.OF_TENANT,
        query = "select k from ApiKey k where k.tenantId = :tenant order by k.createdAt, k.id")
@NamedQuery(
        name = ApiKey.PUBLISHABLE_FOR_ORIGIN,
        query = "select k from ApiKey k where k.kind = 'publishable' and k.revokedAt is null"
                + " and k.allowedOrigins like :pattern")
public class ApiKey {

    public static final String OF_TENANT = "ApiKey.ofTenant";
    public static final String PUBLISHABLE_FOR_ORIGIN = "ApiKey.publishableForOrigin";
    public static final String SECRET = "secret";
    public static final String PUBLISHABLE = "publishable";

    @Id
    private String id;

    @Column(name = "tenant_id")
    private String tenantId;

    private String label;
    private String mode;

    /** {@link #SECRET} or {@link #PUBLISHABLE}. */
    private String kind = SECRET;

    /** A publishable key's origins, space-separated ({@code AllowedOrigins}); null for a secret key. */
    @Column(name = "allowed_origins")
    private String allowedOrigins;

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

    /**
     * A publishable key for the given origins ({@code AllowedOrigins.of}, already normalised). Its
     * secret hash holds the hash of nothing: the id is all a caller presents.
     */
    public static ApiKey publishable(
            String id, String tenantId, String label, String mode, String allowedOrigins, OffsetDateTime createdAt) {
        var key = new ApiKey(id, tenantId, label, mode, "", createdAt);
        key.kind = PUBLISHABLE;
        key.allowedOrigins = allowedOrigins;
        return key;
    }

    /** Constant-time comparison of the presented secret's hash with the stored one. */
    public boolean accepts(String secret) {
        return revokedAt == null
                && !isPublishable()
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
        return DigestUtils.sha256Hex(secret);
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

    public boolean isPublishable() {
        return PUBLISHABLE.equals(kind);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** The space-separated origins of a publishable key; null for a secret key. */
    public String allowedOrigins() {
        return allowedOrigins;
    }

    /** Whether this live publishable key may be used from {@code origin} (already normalised). */
    public boolean allowsOrigin(String origin) {
        return isPublishable()
                && !isRevoked()
                && allowedOrigins != null
                && java.util.Arrays.asList(allowedOrigins.split(" ")).contains(origin);
    }

    /** The whole publishable key, which may be shown at any time; empty for a secret key. */
    public java.util.Optional<String> publishableKey() {
        return isPublishable()
                ? java.util.Optional.of("rp_pub_" + mode + "_" + id.substring(id.indexOf('_') + 1))
                : java.util.Optional.empty();
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }
}
