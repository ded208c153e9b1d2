package dev.ringproof.verification.entity;

import dev.ringproof.tenant.entity.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One try to reach the handset on one channel. Holds its code only as a keyed hash; for a
 * missed call the public part of the caller number ({@code cli_prefix}) is kept beside it.
 */
@Entity
@Table(name = "verification_attempt")
@NamedQuery(
        name = Attempt.RECENT_MISSED_CALLS_TO,
        query = "select a from Attempt a where a.verification.phone = :phone"
                + " and a.channel = 'missed_call' and a.startedAt > :since")
@NamedQuery(
        name = Attempt.TRAFFIC_SINCE,
        query = "select v.id, v.createdAt, v.status, a.seq, a.channel, a.status,"
                + " a.startedAt from Attempt a join a.verification v where v.createdAt >= :since")
public class Attempt {

    public static final String RECENT_MISSED_CALLS_TO = "Attempt.recentMissedCallsTo";
    public static final String TRAFFIC_SINCE = "Attempt.trafficSince";

    public enum Status {
        QUEUED,
        SENT,
        DELIVERED,
        FAILED,
        SUPERSEDED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "verification_id")
    private Verification verification;

    private int seq;
    private String channel;
    private String status;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "cli_prefix")
    private String cliPrefix;

    @Column(name = "code_length")
    private int codeLength;

    @Column(name = "code_hash")
    private String codeHash;

    private String provider;

    @Column(name = "provider_ref")
    private String providerRef;

    @Column(name = "failure_reason")
    private String failureReason;

    protected Attempt() {
        // for JPA
    }

    Attempt(
            String id,
            Verification verification,
            int seq,
            Channel channel,
            String cliPrefix,
            int codeLength,
            String codeHash,
            OffsetDateTime startedAt) {
        this.id = id;
        this.verification = verification;
        this.seq = seq;
        this.channel = channel.wireName();
        this.status = Status.QUEUED.wireName();
        this.cliPrefix = cliPrefix;
        this.codeLength = codeLength;
        this.codeHash = codeHash;
        this.startedAt = startedAt;
    }

    /** Whether {@code code} (ASCII digits, or a full E.164 number for a missed call) is this attempt's code. */
    boolean accepts(String code, CodeHasher hasher) {
        String digits = code;
        if (channel() == Channel.MISSED_CALL && code.startsWith("+")) {
            boolean samePrefix = code.length() == cliPrefix.length() + codeLength && code.startsWith(cliPrefix);
            digits = samePrefix ? code.substring(cliPrefix.length()) : "";
        }
        // always hash, so a wrong prefix costs the same time as a wrong code
        boolean matches = hasher.matches(id, digits, codeHash);
        return matches && digits.length() == codeLength;
    }

    /** {@code provider} took the attempt under its reference (its status callbacks find the send by it, OutboundSends). */
    public void markSent(String provider, String providerRef) {
        if (status().equals(Status.QUEUED)) {
            this.status = Status.SENT.wireName();
            this.provider = provider;
            this.providerRef = providerRef;
        }
    }

    /** The carrier says it reached the handset; a superseded attempt stays superseded. */
    public void markDelivered() {
        if (status().equals(Status.QUEUED) || status().equals(Status.SENT)) {
            this.status = Status.DELIVERED.wireName();
        }
    }

    public void markFailed(String reason) {
        if (status().equals(Status.QUEUED) || status().equals(Status.SENT)) {
            this.status = Status.FAILED.wireName();
            this.failureReason = reason;
        }
    }

    void supersede() {
        if (status().equals(Status.QUEUED) || status().equals(Status.SENT)) {
            this.status = Status.SUPERSEDED.wireName();
        }
    }

    public String id() {
        return id;
    }

    public Verification verification() {
        return verification;
    }

    public int seq() {
        return seq;
    }

    public Channel channel() {
        return Channel.fromWireName(channel).orElseThrow();
    }

    public Status status() {
        return Status.valueOf(status.toUpperCase(Locale.ROOT));
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public String cliPrefix() {
        return cliPrefix;
    }

    public int codeLength() {
        return codeLength;
    }

    public String codeHash() {
        return codeHash;
    }

    /** Why the carrier refused this attempt, if it did. */
    public String failureReason() {
        return failureReason;
    }
}
