package dev.ringproof.usage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One billable attempt: it reached a carrier, at the unit price in force at that moment.
 * Written once per attempt (the database refuses a second line for the same attempt).
 */
@Entity
@Table(name = "usage_line")
@NamedQuery(name = UsageLine.COUNT_FOR_ATTEMPT, query = "select count(u) from UsageLine u where u.attemptId = :attempt")
public class UsageLine {

    public static final String COUNT_FOR_ATTEMPT = "UsageLine.countForAttempt";

    @Id
    private String id;

    @Column(name = "attempt_id")
    private String attemptId;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "verification_id")
    private String verificationId;

    private String channel;
    private String country;
    private String provider;

    /** A flash call the handset answered: priced as a connected (voice) call. */
    private boolean answered;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    private String currency;

    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    @Column(name = "usage_day")
    private LocalDate usageDay;

    protected UsageLine() {
        // for JPA
    }

    public UsageLine(String id, BillableSend send, BigDecimal unitPrice, String currency, OffsetDateTime recordedAt) {
        this.id = id;
        this.attemptId = send.attemptId();
        this.tenantId = send.tenantId();
        this.verificationId = send.verificationId();
        this.channel = send.channel();
        this.country = send.country();
        this.provider = send.provider();
        this.answered = send.answered();
        this.unitPrice = unitPrice.setScale(Price.SCALE);
        this.currency = currency;
        this.recordedAt = recordedAt;
        this.usageDay = recordedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    public String id() {
        return id;
    }

    public String attemptId() {
        return attemptId;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public String currency() {
        return currency;
    }

    public LocalDate usageDay() {
        return usageDay;
    }
}
