package dev.ringproof.verification.entity;

import dev.ringproof.tenant.entity.Channel;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One attempt to prove that someone holds a phone number: its workflow of channels, the
 * attempts made so far, the checks left and its lifetime. Decides its own transitions.
 */
@Entity
@Table(name = "verification")
@NamedQuery(
        name = Verification.PENDING_FOR_PHONE,
        query = "select v from Verification v"
                + " where v.tenantId = :tenant and v.testMode = :test and v.phone = :phone and v.status = 'pending'")
@NamedQuery(
        name = Verification.RECENT_TO_PHONE,
        query = "select v from Verification v" + " where v.phone = :phone and v.createdAt > :since")
@NamedQuery(
        name = Verification.OF_ATTEMPT,
        query = "select v from Verification v"
                + " where v.id = (select a.verification.id from Attempt a where a.id = :attempt)")
public class Verification {

    public static final String PENDING_FOR_PHONE = "Verification.pendingForPhone";
    public static final String RECENT_TO_PHONE = "Verification.recentToPhone";
    /**
     * The verification an attempt belongs to: one query, and one lock when taken with one. Its attempts
     * come in a second statement, and must: fetched in the same locked query, PostgreSQL locks the
     * attempts' rows before the verification's (EclipseLink lists them first), the opposite order of
     * every path that locks the verification and then changes an attempt, so a delivery report could
     * deadlock with a fallback or a check.
     */
    public static final String OF_ATTEMPT = "Verification.ofAttempt";

    @Id
    private String id;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "test_mode")
    private boolean testMode;

    private String phone;
    private String country;
    private String reference;
    private String locale;

    @Column(name = "client_ip")
    private String clientIp;

    /** The door the start came through: {@code api}, or a compatibility door ({@code twilio}, …). */
    private String door = Presentation.NATIVE.door();

    /** The publishable key (the web widget's) that started it; null for a secret key or a door. */
    @Column(name = "publishable_key_id")
    private String publishableKeyId;

    /** The name its texts show instead of the tenant's, if the door asked for one. */
    private String brand;

    /** The OTP length the door asked for instead of the tenant's. */
    @Column(name = "otp_length")
    private Integer otpLength;

    private String status;
    private String workflow;

    @Column(name = "remaining_checks")
    private int remainingChecks;

    @Column(name = "next_fallback_at")
    private OffsetDateTime nextFallbackAt;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "verification", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("seq")
    private List<Attempt> attempts = new ArrayList<>();

    protected Verification() {
        // for JPA
    }

    public Verification(
            String id,
            String tenantId,
            boolean testMode,
            Destination destination,
            List<Channel> workflow,
            int maxChecks,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.testMode = testMode;
        this.phone = destination.phone();
        this.country = destination.country();
        this.reference = destination.reference();
        this.locale = destination.locale();
        this.clientIp = destination.clientIp();
        this.status = VerificationStatus.PENDING.wireName();
        this.workflow = workflow.stream().map(Channel::wireName).collect(Collectors.joining(","));
        this.remainingChecks = maxChecks;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /**
     * How a verification presents itself, as the door it came through asked: the door's name,
     * the brand its texts show (null: the tenant's name) and the OTP length (null: the tenant's).
     */
    public record Presentation(String door, String brand, Integer otpLength) {
        public static final Presentation NATIVE = new Presentation("api", null, null);
    }

    public void presentAs(Presentation presentation) {
        this.door = presentation.door();
        this.brand = presentation.brand();
        this.otpLength = presentation.otpLength();
    }

    /** Started by the web widget with this publishable key, which alone may read and check it. */
    public void startedWith(String publishableKey) {
        this.publishableKeyId = publishableKey;
    }

    public boolean wasStartedWith(String publishableKey) {
        return publishableKeyId != null && publishableKeyId.equals(publishableKey);
    }

    public Presentation presentation() {
        return new Presentation(door, brand, otpLength);
    }

    /** Where and for whom a verification goes. */
    public record Destination(String phone, String country, String reference, String locale, String clientIp) {}

    /** Records a new attempt on {@code channel}; the attempt before it, if still out, is superseded. */
    public Attempt startAttempt(
            String attemptId,
            Channel channel,
            String cliPrefix,
            int codeLength,
            String codeHash,
            OffsetDateTime now,
            OffsetDateTime nextFallbackAt) {
        currentAttempt().ifPresent(Attempt::supersede);
        var attempt = new Attempt(attemptId, this, attempts.size() + 1, channel, cliPrefix, codeLength, codeHash, now);
        attempts.add(attempt);
        this.nextFallbackAt = nextFallbackAt;
        return attempt;
    }

    /**
     * Checks a code against every attempt so far (an earlier attempt's code stays valid),
     * without stopping at the first match, so the time taken does not tell which matched.
     */
    public CheckOutcome check(String code, CodeHasher hasher, OffsetDateTime now) {
        if (expireIfDue(now) || !isPending()) {
            return CheckOutcome.CLOSED;
        }
        boolean valid = false;
        for (Attempt attempt : attempts) {
            valid |= attempt.accepts(code, hasher);
        }
        if (valid) {
            close(VerificationStatus.APPROVED, now);
            return CheckOutcome.APPROVED;
        }
        remainingChecks--;
        if (remainingChecks <= 0) {
            close(VerificationStatus.FAILED, now);
        }
        return CheckOutcome.WRONG_CODE;
    }

    /**
     * The caller number of the missed call whose code {@code code} is, once a check approved with it:
     * its prefix and the code's digits. Empty when another channel's code approved.
     */
    public Optional<String> callerNumberOf(String code, CodeHasher hasher) {
        return attempts.stream()
                .filter(a -> a.channel() == Channel.MISSED_CALL && a.accepts(code, hasher))
                .findFirst()
                .map(a -> code.startsWith("+") ? code : a.cliPrefix() + code);
    }

    /** Answers whether it expired just now. */
    public boolean expireIfDue(OffsetDateTime now) {
        if (isPending() && !now.isBefore(expiresAt)) {
            close(VerificationStatus.EXPIRED, now);
            return true;
        }
        return false;
    }

    public boolean cancel(OffsetDateTime now) {
        if (!isPending()) {
            return false;
        }
        close(VerificationStatus.CANCELED, now);
        return true;
    }

    /**
     * Approves it without a code, when the tenant has proven the number some other way (a
     * compatibility door's "mark approved"); false when it is no longer pending.
     */
    public boolean approve(OffsetDateTime now) {
        if (expireIfDue(now) || !isPending()) {
            return false;
        }
        close(VerificationStatus.APPROVED, now);
        return true;
    }

    public void fail(OffsetDateTime now) {
        if (isPending()) {
            close(VerificationStatus.FAILED, now);
        }
    }

    private void close(VerificationStatus outcome, OffsetDateTime now) {
        this.status = outcome.wireName();
        this.closedAt = now;
        this.nextFallbackAt = null;
    }

    /** The channel after the current attempt's, in the workflow, if any. */
    public Optional<Channel> channelAfter(Channel channel) {
        List<Channel> channels = workflow();
        int index = channels.indexOf(channel);
        return index >= 0 && index + 1 < channels.size() ? Optional.of(channels.get(index + 1)) : Optional.empty();
    }

    public Optional<Attempt> currentAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }

    public boolean isPending() {
        return VerificationStatus.PENDING.wireName().equals(status);
    }

    public List<Channel> workflow() {
        return Arrays.stream(workflow.split(","))
                .map(c -> Channel.fromWireName(c).orElseThrow())
                .toList();
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public VerificationStatus status() {
        return VerificationStatus.fromWireName(status);
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public boolean isTestMode() {
        return testMode;
    }

    public String phone() {
        return phone;
    }

    public String country() {
        return country;
    }

    public String reference() {
        return reference;
    }

    public String locale() {
        return locale;
    }

    public String clientIp() {
        return clientIp;
    }

    public int remainingChecks() {
        return remainingChecks;
    }

    public OffsetDateTime nextFallbackAt() {
        return nextFallbackAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** When it left pending; null while pending. */
    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
