package dev.ringproof.tenant.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A Vonage application registered on a tenant: a JWT its private key signs (Vonage's SDKs send
 * one on every request) authenticates at the Vonage door as the tenant's api key {@code keyId},
 * in that key's world (live or test), for as long as that key is not revoked.
 */
@Entity
@Cacheable
@Table(name = "vonage_application")
@NamedQuery(
        name = VonageApplication.BY_APPLICATION_ID,
        query = "select a from VonageApplication a where a.applicationId = :applicationId")
public class VonageApplication {

    public static final String BY_APPLICATION_ID = "VonageApplication.byApplicationId";

    @Id
    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "application_id")
    private String applicationId;

    @Column(name = "key_id")
    private String keyId;

    @Column(name = "public_key")
    private String publicKey;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected VonageApplication() {
        // for JPA
    }

    public VonageApplication(
            String tenantId, String applicationId, String keyId, String publicKey, OffsetDateTime createdAt) {
        this.tenantId = tenantId;
        this.createdAt = createdAt;
        replace(applicationId, keyId, publicKey);
    }

    public void replace(String applicationId, String keyId, String publicKey) {
        this.applicationId = applicationId;
        this.keyId = keyId;
        this.publicKey = publicKey;
    }

    public String tenantId() {
        return tenantId;
    }

    public String applicationId() {
        return applicationId;
    }

    public String keyId() {
        return keyId;
    }

    /** The RSA public key as PEM, as registered. */
    public String publicKey() {
        return publicKey;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
