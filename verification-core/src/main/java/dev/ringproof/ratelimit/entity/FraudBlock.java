package dev.ringproof.ratelimit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A prefix the fraud guard stopped dialling, why, and until when; an admin may lift it early.
 * A block found in test traffic ({@code test}) stops test traffic only.
 */
@Entity
@Table(name = "fraud_block")
@NamedQuery(
        name = FraudBlock.ACTIVE,
        query = "select b from FraudBlock b"
                + " where b.liftedAt is null and b.expiresAt > :now order by b.createdAt, b.id")
@NamedQuery(
        name = FraudBlock.ACTIVE_FOR,
        query = "select count(b) from FraudBlock b"
                + " where b.prefix = :prefix and b.test = :test and b.liftedAt is null and b.expiresAt > :now")
public class FraudBlock {

    public static final String ACTIVE = "FraudBlock.active";
    public static final String ACTIVE_FOR = "FraudBlock.activeFor";

    /** Why a prefix was blocked. */
    public enum Reason {
        VELOCITY,
        CONVERSION;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    private String id;

    private String prefix;
    private boolean test;
    private String reason;
    private String detail;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "lifted_at")
    private OffsetDateTime liftedAt;

    protected FraudBlock() {
        // for JPA
    }

    public FraudBlock(
            String id,
            String prefix,
            boolean test,
            Reason reason,
            String detail,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {
        this.id = id;
        this.prefix = prefix;
        this.test = test;
        this.reason = reason.wireName();
        this.detail = detail;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** An admin unblocks the prefix now; lifting twice changes nothing. */
    public void lift(OffsetDateTime now) {
        if (liftedAt == null) {
            liftedAt = now;
        }
    }

    public boolean isActive(OffsetDateTime now) {
        return liftedAt == null && expiresAt.isAfter(now);
    }

    public String id() {
        return id;
    }

    public String prefix() {
        return prefix;
    }

    /** Whether test traffic found it, and only test traffic is stopped. */
    public boolean test() {
        return test;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public OffsetDateTime liftedAt() {
        return liftedAt;
    }
}
