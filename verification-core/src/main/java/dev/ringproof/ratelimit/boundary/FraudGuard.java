package dev.ringproof.ratelimit.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.ratelimit.control.DenyList;
import dev.ringproof.ratelimit.control.FailedCheckCap;
import dev.ringproof.ratelimit.control.Prefixes;
import dev.ringproof.ratelimit.control.PrefixWatch;
import dev.ringproof.ratelimit.control.RateLimiter;
import dev.ringproof.ratelimit.control.SpendCap;
import dev.ringproof.ratelimit.entity.Action;
import dev.ringproof.ratelimit.entity.Traffic;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;

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
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class FraudGuard {

    @Inject
    DenyList denyList;

    @Inject
    FraudBlocks blocks;

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

    /** {@code ip}: the end user's address as the tenant gave it, else the connection's; may be null. */
    public void admitStart(String tenantId, PhoneNumbers.Phone phone, String ip) {
        var now = OffsetDateTime.now(clock);
        String prefix = Prefixes.of(phone.e164());
        if (denyList.denies(phone.e164()) || blocks.isBlocked(prefix, now)) {
            throw blocked();
        }
        if (spendCap.reached(tenantId, now)) {
            throw new Refusal(Refusal.Reason.FRAUD_BLOCKED,
                    "The daily spend cap is reached; starts resume at 00:00 UTC.");
        }
        limiter.admit(new Traffic(Action.START, tenantId, phone.e164(), phone.country(), prefix, canonical(ip)), now);
        var finding = watch.judge(prefix, now);
        if (finding.isPresent()) {
            blocks.record(prefix, finding.get(), now);
            throw blocked();
        }
    }

    /** A check of a pending verification was made; its outcome stands only if the limits admit it. */
    public void admitCheck(String tenantId, String phone, String country) {
        var now = OffsetDateTime.now(clock);
        String prefix = Prefixes.of(phone);
        limiter.admit(new Traffic(Action.CHECK, tenantId, phone, country, prefix, null), now);
    }

    /**
     * Counts a check's outcome towards the number's cap of wrong codes in a row, or refuses it
     * (429) when the number is at the cap: the cap holds whatever policies exist.
     */
    public void countCheck(String phone, boolean test, boolean valid) {
        failedCheckCap.count(phone, test, valid, OffsetDateTime.now(clock));
    }

    /** Counts a start to {@code phone} (E.164) for the prefix watches: the start transaction's last statement. */
    public void started(String phone) {
        watch.countStart(Prefixes.of(phone), OffsetDateTime.now(clock));
    }

    /** Counts a committed approval of a verification of {@code phone}; call it outside the check's transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void approved(String phone) {
        watch.countApproval(Prefixes.of(phone), OffsetDateTime.now(clock));
    }

    /** One spelling per address, so that {@code ::1} and {@code 0:0:0:0:0:0:0:1} share a counter. */
    static String canonical(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        if (!ip.matches("[0-9a-fA-F:.]{2,45}")) {
            return ip;
        }
        try {
            // a literal (validated by the API, or the container's remote address): no name lookup happens
            return InetAddress.getByName(ip).getHostAddress();
        } catch (UnknownHostException e) {
            return ip;
        }
    }

    private static Refusal blocked() {
        return new Refusal(Refusal.Reason.FRAUD_BLOCKED, "Numbers in this range cannot be verified at the moment.");
    }
}
