package dev.ringproof.ratelimit.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.ratelimit.control.ActiveBlocks;
import dev.ringproof.ratelimit.control.ClientNetworks;
import dev.ringproof.ratelimit.control.DenyList;
import dev.ringproof.ratelimit.control.FailedCheckCap;
import dev.ringproof.ratelimit.control.PrefixWatch;
import dev.ringproof.ratelimit.control.Prefixes;
import dev.ringproof.ratelimit.control.RateLimiter;
import dev.ringproof.ratelimit.control.RefusalCounters;
import dev.ringproof.ratelimit.control.SpendCap;
import dev.ringproof.ratelimit.control.WidgetLimits;
import dev.ringproof.ratelimit.entity.Action;
import dev.ringproof.ratelimit.entity.Traffic;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admits starts and checks, in the caller's transaction, before anything is sent: the deny
 * list and prefix blocks (403 fraud_blocked), the rate-limit policies (429 rate_limited), and
 * the velocity and conversion watches, which block a prefix when its traffic looks pumped.
 * Policies with action {@code start} count starts; those with action {@code check} count
 * checks of pending verifications, right or wrong.
 *
 * <p>The watches' per-prefix count of starts is taken by {@link #started} as the last statement
 * of the start's transaction: a refused or failed start is not counted, the client's next start
 * sees it, and the prefix's minute row is locked only from there to the commit. (Counted at the
 * beginning, the row stayed locked for the whole start and every start to one prefix queued on
 * it; counted in a transaction of its own after the commit, it cost a start one more commit.)
 * Approvals are counted by {@link #approved} after the check has committed, in a short
 * transaction of its own, called by the API before it answers.
 *
 * <p>Test traffic ({@code test}: a {@code rp_test_} key) is counted and judged apart from live
 * traffic: its own rate-limit counters, its own prefix traffic and blocks, and no spend cap (it is
 * never billed). Free test starts can neither use up a real number's limits nor get a prefix
 * blocked for live traffic; the deny list holds for both.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class FraudGuard {

    private static final String START = "start";
    private static final String CHECK = "check";

    @Inject
    DenyList denyList;

    @EJB
    FraudBlocks blocks;

    @Inject
    ActiveBlocks activeBlocks;

    @Inject
    RateLimiter limiter;

    @Inject
    PrefixWatch watch;

    @Inject
    SpendCap spendCap;

    @Inject
    FailedCheckCap failedCheckCap;

    @Inject
    Clock clock;

    @Inject
    RefusalCounters refusals;

    /** Per-IP limits count IPv6 clients by this network prefix (IPv4 clients by address). */
    @Inject
    @ConfigProperty(name = "ratelimit.ipv6-prefix-length", defaultValue = "64")
    int ipv6PrefixLength;

    private ClientNetworks networks;

    @PostConstruct
    void readSettings() {
        networks = new ClientNetworks(ipv6PrefixLength);
    }

    @Inject
    WidgetLimits widgetLimits;

    /** A start through the web widget's publishable key {@code keyId}, from the browser at {@code ip}. */
    public void admitWidgetStart(String keyId, String ip) {
        try {
            widgetLimits.admit(keyId, ip, clock.instant());
        } catch (RateLimitExceeded e) {
            refusals.refused(START, e.policyId());
            throw e;
        }
    }

    /** {@code ip}: the end user's address as the tenant gave it, else the connection's; may be null. */
    public void admitStart(String tenantId, boolean test, PhoneNumbers.Phone phone, String ip) {
        var now = OffsetDateTime.now(clock);
        String prefix = Prefixes.of(phone.e164());
        if (denyList.denies(phone.e164())) {
            throw blocked(START, "deny_list");
        }
        if (activeBlocks.isBlocked(prefix, test, now)) {
            throw blocked(START, "blocked_range");
        }
        if (!test && spendCap.reached(tenantId, now)) {
            refusals.refused(START, "spend_cap");
            throw new Refusal(
                    Refusal.Reason.FRAUD_BLOCKED, "The daily spend cap is reached; starts resume at 00:00 UTC.");
        }
        admit(
                START,
                new Traffic(
                        Action.START, tenantId, test, phone.e164(), phone.country(), prefix, networks.subjectOf(ip)),
                now);
        var finding = watch.judge(prefix, test, now);
        if (finding.isPresent()) {
            blocks.record(prefix, test, finding.get(), now);
            throw blocked(START, "range_watch");
        }
    }

    /** A check of a pending verification was made; its outcome stands only if the limits admit it. */
    public void admitCheck(String tenantId, boolean test, String phone, String country) {
        var now = OffsetDateTime.now(clock);
        String prefix = Prefixes.of(phone);
        admit(CHECK, new Traffic(Action.CHECK, tenantId, test, phone, country, prefix, null), now);
    }

    /**
     * Counts a check's outcome towards the number's cap of wrong codes in a row, or refuses it
     * (429) when the number is at the cap: the cap holds whatever policies exist.
     */
    public void countCheck(String phone, boolean test, boolean valid) {
        try {
            failedCheckCap.count(phone, test, valid, OffsetDateTime.now(clock));
        } catch (RateLimitExceeded e) {
            refusals.refused(CHECK, "failed_check_cap");
            throw e;
        }
    }

    /** Counts a start to {@code phone} (E.164) for the prefix watches: the start transaction's last statement. */
    public void started(String phone, boolean test) {
        watch.countStart(Prefixes.of(phone), test, OffsetDateTime.now(clock));
    }

    /**
     * Counts a committed approval of a verification of {@code phone}; call it outside the check's transaction.
     * It writes nothing itself (the count waits in memory for its writer), so it needs no transaction.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void approved(String phone, boolean test) {
        watch.countApproval(Prefixes.of(phone), test, OffsetDateTime.now(clock));
    }

    private void admit(String action, Traffic traffic, OffsetDateTime now) {
        try {
            limiter.admit(traffic, now);
        } catch (RateLimitExceeded e) {
            refusals.refused(action, "rate_limit");
            throw e;
        }
    }

    private Refusal blocked(String action, String reason) {
        refusals.refused(action, reason);
        return new Refusal(Refusal.Reason.FRAUD_BLOCKED, "Numbers in this range cannot be verified at the moment.");
    }
}
