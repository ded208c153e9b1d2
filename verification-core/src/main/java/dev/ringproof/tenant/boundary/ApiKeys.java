package dev.ringproof.tenant.boundary;

import dev.ringproof.audit.boundary.Audited;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.CachedReads;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.tenant.control.AllowedOrigins;
import dev.ringproof.tenant.control.CredentialRereads;
import dev.ringproof.tenant.entity.ApiKey;
import dev.ringproof.tenant.entity.Tenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tenants' api keys: {@code rp_<mode>_<key id>_<secret>}. The whole key is shown once, at
 * issue; afterwards only its id and label. Revocation and suspension act on the next request.
 */
@Stateless
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_PREFIX = "key_";

    /** A whole key as issued: {@code rp_<mode>_<key id>_<secret>}, strictly (no guessing at an altered key). */
    public static final Pattern WHOLE_KEY =
            Pattern.compile("rp_(live|test)_([A-Za-z0-9]{8,40})_([A-Za-z0-9_-]{20,100})");

    /** A publishable key as issued: {@code rp_pub_<mode>_<key id>}, the id being all of it. */
    public static final Pattern PUBLISHABLE_KEY = Pattern.compile("rp_pub_(live|test)_([a-z2-7]{26})");

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    Tenants tenants;

    @Inject
    Clock clock;

    @Inject
    CredentialRereads rereads;

    /** Read from the database, and put into the shared cache, instead of from it. */
    private static final Map<String, Object> FROM_THE_DATABASE = Map.of(
            "jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS,
            "jakarta.persistence.cache.storeMode", CacheStoreMode.REFRESH);

    public record Issued(ApiKey key, String token) {}

    @Audited(action = "api_key.issue", target = ApiKey.class, id = Audited.RESULT)
    public Issued issue(String tenantId, String label, String mode) {
        tenants.find(tenantId);
        if (!"live".equals(mode) && !"test".equals(mode)) {
            throw Refusal.invalid("mode", "must be live or test");
        }
        String bareId = Ids.randomToken();
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        var key = new ApiKey(ID_PREFIX + bareId, tenantId, label, mode, secret, OffsetDateTime.now(clock));
        em.persist(key);
        return new Issued(key, "rp_" + mode + "_" + bareId + "_" + secret);
    }

    /** A publishable key for the web widget, usable from {@code origins} only; it is shown again in every listing. */
    @Audited(action = "api_key.issue", target = ApiKey.class, id = Audited.RESULT)
    public Issued issuePublishable(String tenantId, String label, String mode, List<String> origins) {
        tenants.find(tenantId);
        if (!"live".equals(mode) && !"test".equals(mode)) {
            throw Refusal.invalid("mode", "must be live or test");
        }
        var key = ApiKey.publishable(
                ID_PREFIX + Ids.randomToken(),
                tenantId,
                label,
                mode,
                AllowedOrigins.of(origins),
                OffsetDateTime.now(clock));
        em.persist(key);
        return new Issued(key, key.publishableKey().orElseThrow());
    }

    /**
     * The caller behind a publishable key used from {@code origin}: empty when the key is unknown,
     * revoked or its tenant inactive; refused (403) when the origin is not one of the key's.
     */
    public Optional<TenantCaller> authenticatePublishable(String wholeKey, String origin) {
        var matcher = wholeKey == null ? null : PUBLISHABLE_KEY.matcher(wholeKey);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        var key = current(ApiKey.class, ID_PREFIX + matcher.group(2));
        if (key == null
                || !key.isPublishable()
                || key.isRevoked()
                || !key.mode().equals(matcher.group(1))) {
            return Optional.empty();
        }
        var tenant = current(Tenant.class, key.tenantId());
        if (tenant == null || !tenant.isActive()) {
            return Optional.empty();
        }
        if (!AllowedOrigins.normalise(origin).map(key::allowsOrigin).orElse(false)) {
            throw new Refusal(
                    Refusal.Reason.FORBIDDEN,
                    "This publishable key may only be used from the web origins it was issued for.");
        }
        return Optional.of(new TenantCaller(tenant.id(), key.id(), key.isTest(), true));
    }

    /** Whether some live publishable key may be used from {@code origin}: CORS preflights are answered only for those. */
    public boolean servesOrigin(String origin) {
        var normal = AllowedOrigins.normalise(origin);
        if (normal.isEmpty()) {
            return false;
        }
        // a normalised origin holds no % or \; a _ in it only widens the candidates, checked exactly after
        return em.createNamedQuery(ApiKey.PUBLISHABLE_FOR_ORIGIN, ApiKey.class)
                .setParameter("pattern", "%" + normal.get() + "%")
                .getResultStream()
                .anyMatch(key -> key.allowsOrigin(normal.get()));
    }

    public List<ApiKey> of(String tenantId) {
        tenants.find(tenantId);
        return em.createNamedQuery(ApiKey.OF_TENANT, ApiKey.class)
                .setParameter("tenant", tenantId)
                .getResultList();
    }

    @Audited(action = "api_key.revoke", target = ApiKey.class, id = 1)
    public ApiKey revoke(String tenantId, String keyId) {
        var key = keyId == null ? null : em.find(ApiKey.class, keyId);
        if (key == null || !key.tenantId().equals(tenantId)) {
            throw Refusal.notFound("api key");
        }
        key.revoke(OffsetDateTime.now(clock));
        return key;
    }

    /**
     * The caller behind an account SID and a whole key ({@code rp_live_…}), as the compatibility
     * doors' HTTP Basic presents them: the key must be valid and belong to that account's tenant.
     */
    public Optional<TenantCaller> authenticate(String accountSid, String wholeKey) {
        var matcher = wholeKey == null ? null : WHOLE_KEY.matcher(wholeKey);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return authenticate(matcher.group(1), matcher.group(2), matcher.group(3))
                .filter(caller -> accountSid != null
                        && accountSid.equals(
                                em.find(Tenant.class, caller.tenantId()).accountSid()));
    }

    /** The caller behind a presented key, if the key exists, matches its mode, is live and its tenant active. */
    public Optional<TenantCaller> authenticate(String mode, String bareKeyId, String secret) {
        var key = current(ApiKey.class, ID_PREFIX + bareKeyId);
        if (key == null || !key.mode().equals(mode) || !key.accepts(secret)) {
            return Optional.empty();
        }
        var tenant = current(Tenant.class, key.tenantId());
        if (tenant == null || !tenant.isActive()) {
            return Optional.empty();
        }
        return Optional.of(new TenantCaller(tenant.id(), key.id(), key.isTest()));
    }

    /**
     * A key or tenant as a request may trust it: from the cache, read again at least every 10 s; only
     * looked at ({@link CachedReads}).
     */
    private <T> T current(Class<T> type, String id) {
        T found = rereads.due(id) ? em.find(type, id, FROM_THE_DATABASE) : em.find(type, id, CachedReads.AS_CACHED);
        if (found == null) {
            rereads.forget(id);
        }
        return found;
    }
}
