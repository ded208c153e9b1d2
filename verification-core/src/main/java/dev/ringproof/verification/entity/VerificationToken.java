package dev.ringproof.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The web widget's proof that a verification was approved, for the tenant's backend to redeem
 * once, within its lifetime, with a secret key of the same tenant and world. Known by the
 * SHA-256 of the token: the token itself is never stored.
 */
@Entity
@Table(name = "verification_token")
public class VerificationToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "test_mode")
    private boolean testMode;

    @Column(name = "verification_id")
    private String verificationId;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "redeemed_at")
    private OffsetDateTime redeemedAt;

    /** How a redeem went. */
    public enum Redeem {
        REDEEMED,
        ALREADY_REDEEMED,
        EXPIRED
    }

    protected VerificationToken() {
        // for JPA
    }

    public VerificationToken(
            String tokenHash, Verification verification, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.tenantId = verification.tenantId();
        this.testMode = verification.isTestMode();
        this.verificationId = verification.id();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether a caller of this tenant and world may redeem it (anyone else learns nothing of it). */
    public boolean belongsTo(String tenant, boolean test) {
        return tenantId.equals(tenant) && testMode == test;
    }

    /** Redeems it at {@code now}: once, and only before it expires. */
    public Redeem redeem(OffsetDateTime now) {
        if (redeemedAt != null) {
            return Redeem.ALREADY_REDEEMED;
        }
        if (!now.isBefore(expiresAt)) {
            return Redeem.EXPIRED;
        }
        redeemedAt = now;
        return Redeem.REDEEMED;
    }

    public String verificationId() {
        return verificationId;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
