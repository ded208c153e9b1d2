package dev.ringproof.verification.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.tenant.boundary.TenantCaller;
import dev.ringproof.verification.entity.Verification;
import dev.ringproof.verification.entity.VerificationStatus;
import dev.ringproof.verification.entity.VerificationToken;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tokens that carry a widget's approved verification to the tenant's backend: {@code rp_vt_}
 * and 256 random bits, given to the browser once, redeemed once with the tenant's secret key.
 * A random id stored hashed rather than a signed claim, so a redeem is exactly once.
 */
@Stateless
public class VerificationTokens {

    /** A token as issued, strictly. */
    public static final Pattern TOKEN = Pattern.compile("rp_vt_[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "widget.token-ttl", defaultValue = "PT10M")
    Duration ttl;

    /** What a redeemed token proves: this number was verified then, by this verification. */
    public record Redeemed(String phone, String verificationId, OffsetDateTime verifiedAt) {}

    /** A token for an approved verification, in the caller's transaction (the check's). */
    public String issue(Verification verification) {
        if (verification.status() != VerificationStatus.APPROVED) {
            throw new IllegalStateException("a token is only for an approved verification");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "rp_vt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = OffsetDateTime.now(clock);
        em.persist(new VerificationToken(hash(token), verification, now, now.plus(ttl)));
        return token;
    }

    /** Redeems {@code token} for a secret-key caller: once, before it expires, by its own tenant and world only. */
    public Redeemed redeem(TenantCaller caller, String token) {
        if (caller.publishable()) {
            throw new Refusal(Refusal.Reason.FORBIDDEN, "Redeem tokens with a secret key, from your backend.");
        }
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw Refusal.invalid("token", "must be a token as the widget gave it: rp_vt_ and 43 characters");
        }
        var found = em.find(VerificationToken.class, hash(token), LockModeType.PESSIMISTIC_WRITE);
        if (found == null || !found.belongsTo(caller.tenantId(), caller.test())) {
            throw Refusal.notFound("token");
        }
        switch (found.redeem(OffsetDateTime.now(clock))) {
            case ALREADY_REDEEMED ->
                throw new Refusal(
                        Refusal.Reason.INVALID_STATE, "The token was already redeemed: each token redeems once.");
            case EXPIRED ->
                throw new Refusal(Refusal.Reason.INVALID_STATE, "The token expired: the person needs to verify again.");
            case REDEEMED -> {
                // below
            }
        }
        var verification = em.find(Verification.class, found.verificationId());
        if (verification == null || verification.status() != VerificationStatus.APPROVED) {
            throw Refusal.notFound("token");
        }
        return new Redeemed(verification.phone(), verification.id(), verification.closedAt());
    }

    static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }
}
