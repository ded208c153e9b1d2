package dev.ringproof.verification.boundary;

import dev.ringproof.numberpool.boundary.PoolHealth;
import dev.ringproof.platform.boundary.OutboxRows;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.boundary.Refusal.Reason;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.ratelimit.boundary.FraudGuard;
import dev.ringproof.telephony.boundary.Delivery;
import dev.ringproof.tenant.boundary.TenantCaller;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.usage.boundary.UsageRecords;
import dev.ringproof.usage.entity.BillableSend;
import dev.ringproof.verification.control.AttemptStarter;
import dev.ringproof.verification.control.FallbackTimer;
import dev.ringproof.verification.control.VerificationMoved;
import dev.ringproof.verification.entity.Attempt;
import dev.ringproof.verification.entity.CheckOutcome;
import dev.ringproof.verification.entity.CodeHasher;
import dev.ringproof.verification.entity.Verification;
import dev.ringproof.webhook.boundary.WebhookEvents;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** The tenant API's use cases: start, read, check, cancel and move on a verification. */
@Stateless
public class Verifications {

    private static final Logger LOG = Logger.getLogger(Verifications.class.getName());

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    AttemptStarter attempts;

    @Inject
    FallbackTimer timer;

    @Inject
    CodeHasher hasher;

    @EJB
    IdempotencyKeys idempotencyKeys;

    @EJB
    UsageRecords usage;

    @EJB
    FraudGuard fraudGuard;

    @EJB
    WebhookEvents webhooks;

    @EJB
    OutboxRows outbox;

    @EJB
    PoolHealth health;

    @Inject
    Clock clock;

    /** For the metrics: counted once the transaction commits. */
    @Inject
    Event<VerificationMoved> moves;

    @EJB
    VerificationTokens tokens;

    /**
     * A check's result: the verification after it, whether the code was right, and for a
     * publishable key's approval the token the tenant's backend redeems (else null).
     */
    public record Checked(Verification verification, boolean valid, String token) {

        public Checked(Verification verification, boolean valid) {
            this(verification, valid, null);
        }
    }

    public Verification start(TenantCaller caller, StartCommand command, IdempotencyKeys.Claim claim) {
        var tenant = em.find(Tenant.class, caller.tenantId());
        var phone = PhoneNumbers.parse(command.phone());
        if (!phone.mayBeDialled()) {
            throw new Refusal(Reason.FRAUD_BLOCKED, "Numbers of this type are never dialled.");
        }
        if (!tenant.permitsCountry(phone.country())) {
            throw new Refusal(Reason.COUNTRY_NOT_PERMITTED, "Numbers of " + phone.country() + " are not enabled.");
        }
        List<Channel> workflow = workflow(command.channels(), tenant).stream()
                .filter(channel -> phone.isMobile() || !channel.needsMobile())
                .toList();
        if (workflow.isEmpty()) {
            throw new Refusal(Reason.UNSUPPORTED_NUMBER_TYPE, "None of the channels can reach this type of number.");
        }
        if (caller.publishable()) {
            fraudGuard.admitWidgetStart(caller.keyId(), command.addressForLimits());
        }
        fraudGuard.admitStart(tenant.id(), caller.test(), phone, command.addressForLimits());
        var now = OffsetDateTime.now(clock);
        supersedePending(tenant.id(), caller.test(), phone.e164(), now);
        var verification = new Verification(
                Ids.next("vf"),
                tenant.id(),
                caller.test(),
                new Verification.Destination(
                        phone.e164(),
                        phone.country(),
                        command.reference(),
                        command.locale() == null ? "en" : command.locale(),
                        command.clientIp()),
                workflow,
                tenant.maxChecks(),
                now,
                now.plusSeconds(tenant.ttlSeconds()));
        verification.presentAs(command.presentation());
        if (caller.publishable()) {
            verification.startedWith(caller.keyId());
        }
        if (attempts.startFirstUsable(verification, tenant, workflow, now).isEmpty()) {
            throw new Refusal(Reason.CHANNEL_UNAVAILABLE, "No channel can reach this number right now.");
        }
        // persisted once its first attempt is in: persisted before, the CLI look-up's query flushed the
        // insert and starting the attempt cost an update of the row just written
        em.persist(verification);
        timer.expireAfter(verification.id(), Duration.ofSeconds(tenant.ttlSeconds()));
        if (claim != null) {
            idempotencyKeys.complete(claim, verification.id(), 201);
        }
        // last: it locks the prefix's counter row until the commit
        fraudGuard.started(phone.e164(), caller.test());
        moved(verification, "started");
        LOG.fine(() -> "Started " + verification.id() + " for " + tenant.id() + " to " + phone.masked() + " on "
                + verification.currentAttempt().orElseThrow().channel().wireName());
        return verification;
    }

    /**
     * A start that refuses, instead of superseding, a pending verification of the same number in
     * the caller's world, as Vonage's API does: the Vonage door answers its 409 for it.
     */
    public Verification startUnlessPending(TenantCaller caller, StartCommand command) {
        var phone = PhoneNumbers.parse(command.phone());
        var now = OffsetDateTime.now(clock);
        boolean pending = em.createNamedQuery(Verification.PENDING_FOR_PHONE, Verification.class)
                .setParameter("tenant", caller.tenantId())
                .setParameter("test", caller.test())
                .setParameter("phone", phone.e164())
                .getResultStream()
                .anyMatch(v -> now.isBefore(v.expiresAt()));
        if (pending) {
            throw new Refusal(Reason.INVALID_STATE, "A verification to this number is already in progress.");
        }
        return start(caller, command, null);
    }

    public Verification find(TenantCaller caller, String id) {
        var verification = own(caller, id, LockModeType.NONE);
        if (verification.isPending() && !OffsetDateTime.now(clock).isBefore(verification.expiresAt())) {
            return own(caller, id, LockModeType.PESSIMISTIC_WRITE);
        }
        return verification;
    }

    /** Once this has returned (committed), the caller counts an approval: {@link FraudGuard#approved}. */
    public Checked check(TenantCaller caller, String id, String code) {
        var verification = own(caller, id, LockModeType.PESSIMISTIC_WRITE);
        var outcome = verification.check(code, hasher, OffsetDateTime.now(clock));
        if (outcome == CheckOutcome.CLOSED) {
            throw closed();
        }
        fraudGuard.admitCheck(caller.tenantId(), caller.test(), verification.phone(), verification.country());
        fraudGuard.countCheck(verification.phone(), verification.isTestMode(), outcome == CheckOutcome.APPROVED);
        if (!verification.isPending()) {
            tell(verification, verification.status().wireName());
        }
        if (outcome == CheckOutcome.APPROVED) {
            verification.callerNumberOf(code, hasher).ifPresent(health::approved);
        }
        LOG.fine(() -> "Checked " + verification.id() + ": " + outcome);
        boolean approved = outcome == CheckOutcome.APPROVED;
        return new Checked(
                verification, approved, approved && caller.publishable() ? tokens.issue(verification) : null);
    }

    public Verification cancel(TenantCaller caller, String id) {
        var verification = own(caller, id, LockModeType.PESSIMISTIC_WRITE);
        if (!verification.cancel(OffsetDateTime.now(clock))) {
            throw closed();
        }
        tell(verification, "canceled");
        return verification;
    }

    /**
     * Approves a pending verification without a code: the tenant proved the number another way
     * (a compatibility door's "mark approved").
     */
    public Verification approve(TenantCaller caller, String id) {
        var verification = own(caller, id, LockModeType.PESSIMISTIC_WRITE);
        if (!verification.approve(OffsetDateTime.now(clock))) {
            throw closed();
        }
        tell(verification, "approved");
        return verification;
    }

    /**
     * Sends a pending verification's code again, on the first usable of {@code channels} (a
     * compatibility door whose vendor re-sends on a second start for the same number): a new
     * attempt, admitted and counted by the fraud guard like a start; earlier codes stay valid.
     */
    public Verification resend(TenantCaller caller, String id, List<Channel> channels, String address) {
        var verification = own(caller, id, LockModeType.PESSIMISTIC_WRITE);
        if (!verification.isPending()) {
            throw closed();
        }
        var tenant = em.find(Tenant.class, verification.tenantId());
        var phone = PhoneNumbers.parse(verification.phone());
        fraudGuard.admitStart(tenant.id(), caller.test(), phone, address);
        var now = OffsetDateTime.now(clock);
        if (attempts.startFirstUsable(verification, tenant, channels, now).isEmpty()) {
            throw new Refusal(Reason.CHANNEL_UNAVAILABLE, "No channel can reach this number right now.");
        }
        fraudGuard.started(phone.e164(), caller.test());
        LOG.fine(() -> "Re-sent " + verification.id() + " on "
                + verification.currentAttempt().orElseThrow().channel().wireName());
        return verification;
    }

    /** "No call came? Send me an SMS": moves a pending verification to its next channel now. */
    public Verification next(TenantCaller caller, String id) {
        var verification = own(caller, id, LockModeType.PESSIMISTIC_WRITE);
        if (!verification.isPending()) {
            throw closed();
        }
        var current = verification.currentAttempt().orElseThrow();
        if (verification.channelAfter(current.channel()).isEmpty()) {
            throw new Refusal(Reason.INVALID_STATE, "The verification is on its last channel.");
        }
        moveOn(verification, OffsetDateTime.now(clock));
        return verification;
    }

    /**
     * A fallback or expiry timer fired; a timer for an attempt that is no longer current does nothing,
     * nor does one without an outbox row (forged on the broker, or consumed before). The timer's
     * outbox row is deleted first, in the same transaction: a second copy of the timer waits for
     * this one's commit and then finds none.
     */
    public void timerFired(FallbackTimer.Kind kind, String id, int attemptSeq, String outboxId) {
        if (!outbox.consumed(outboxId)) {
            LOG.info(() -> "Ignored a " + kind + " timer that no outbox row awaits (forged, or consumed before)");
            return;
        }
        fire(kind, id, attemptSeq);
    }

    private void fire(FallbackTimer.Kind kind, String id, int attemptSeq) {
        var verification = em.find(Verification.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (verification == null || !verification.isPending()) {
            return;
        }
        var now = OffsetDateTime.now(clock);
        if (kind == FallbackTimer.Kind.EXPIRY) {
            if (verification.expireIfDue(now)) {
                tell(verification, "expired");
            } else {
                timer.expireAfter(id, Duration.between(now, verification.expiresAt()));
            }
            return;
        }
        boolean current =
                verification.currentAttempt().map(a -> a.seq() == attemptSeq).orElse(false);
        if (current && verification.expireIfDue(now)) {
            tell(verification, "expired");
        } else if (current) {
            moveOn(verification, now);
        }
    }

    /**
     * A carrier took an attempt or refused it; a refused current attempt moves on at once.
     * A taken attempt is billed, also when a later attempt has superseded it meanwhile:
     * the carrier did the work.
     */
    public void deliveryReported(
            String attemptId, String provider, boolean accepted, String providerReference, String reason) {
        // the verification locked first, found by its attempt in the same query: its attempts come with it
        var found = em.createNamedQuery(Verification.OF_ATTEMPT, Verification.class)
                .setParameter("attempt", attemptId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
        if (found.isEmpty()) {
            return;
        }
        var verification = found.get();
        var attempt = verification.attempts().stream()
                .filter(a -> a.id().equals(attemptId))
                .findFirst()
                .orElseThrow();
        if (accepted) {
            boolean firstReport = attempt.status() == Attempt.Status.QUEUED;
            attempt.markSent(provider, providerReference);
            usage.recordSend(
                    new BillableSend(
                            verification.tenantId(),
                            verification.id(),
                            attempt.id(),
                            attempt.channel().wireName(),
                            verification.country(),
                            provider,
                            verification.isTestMode(),
                            Delivery.ANSWERED.equals(reason)),
                    firstReport);
            return;
        }
        attempt.markFailed(reason);
        boolean current =
                verification.currentAttempt().map(a -> a.id().equals(attemptId)).orElse(false);
        if (current && verification.isPending()) {
            moveOn(verification, OffsetDateTime.now(clock));
        }
    }

    /** Starts the next usable channel after the current one; with none left, the verification has failed. */
    private void moveOn(Verification verification, OffsetDateTime now) {
        var current = verification.currentAttempt().orElseThrow();
        var workflow = verification.workflow();
        var rest = workflow.subList(workflow.indexOf(current.channel()) + 1, workflow.size());
        var tenant = em.find(Tenant.class, verification.tenantId());
        if (rest.isEmpty()
                || attempts.startFirstUsable(verification, tenant, rest, now).isEmpty()) {
            verification.fail(now);
            tell(verification, "failed");
            LOG.info(() -> "Failed " + verification.id() + ": no channel left");
        } else {
            tell(verification, "fallback");
            LOG.info(() -> "Moved " + verification.id() + " on to "
                    + verification.currentAttempt().orElseThrow().channel().wireName());
        }
    }

    /**
     * A tenant's verification of the caller's world (live or test), locked as asked, expired
     * first if its time is up. Another tenant's, or the other world's, answers 404 like an unknown id.
     */
    /** Tells the tenant's webhook, if it has one, what happened to the verification. */
    private void tell(Verification verification, String type) {
        webhooks.happened(verification.tenantId(), type, () -> VerificationJson.of(verification));
        moved(verification, type);
    }

    private void moved(Verification verification, String step) {
        moves.fire(new VerificationMoved(
                step,
                verification.currentAttempt().map(a -> a.channel().wireName()).orElse("none"),
                verification.country()));
    }

    private Verification own(TenantCaller caller, String id, LockModeType lock) {
        var verification = id == null ? null : em.find(Verification.class, id, lock);
        if (verification == null
                || !verification.tenantId().equals(caller.tenantId())
                || verification.isTestMode() != caller.test()
                || (caller.publishable() && !verification.wasStartedWith(caller.keyId()))) {
            throw Refusal.notFound("verification");
        }
        if (lock != LockModeType.NONE && verification.expireIfDue(OffsetDateTime.now(clock))) {
            tell(verification, "expired");
        }
        return verification;
    }

    /** A start supersedes the tenant's pending verification of the number in its own world only. */
    private void supersedePending(String tenantId, boolean test, String phone, OffsetDateTime now) {
        em.createNamedQuery(Verification.PENDING_FOR_PHONE, Verification.class)
                .setParameter("tenant", tenantId)
                .setParameter("test", test)
                .setParameter("phone", phone)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(older -> {
                    older.cancel(now);
                    tell(older, "canceled");
                });
    }

    private static List<Channel> workflow(List<String> requested, Tenant tenant) {
        if (requested == null) {
            return tenant.workflow();
        }
        List<Channel> channels = new ArrayList<>();
        for (String name : requested) {
            var channel = Channel.fromWireName(name)
                    .orElseThrow(() -> Refusal.invalid("channels", "unknown channel '" + name + "'"));
            if (channels.contains(channel)) {
                throw Refusal.invalid("channels", "lists '" + name + "' twice");
            }
            channels.add(channel);
        }
        if (channels.isEmpty()) {
            throw Refusal.invalid("channels", "needs at least one channel");
        }
        return channels;
    }

    private static Refusal closed() {
        return new Refusal(Reason.VERIFICATION_CLOSED, "The verification is no longer pending.");
    }
}
