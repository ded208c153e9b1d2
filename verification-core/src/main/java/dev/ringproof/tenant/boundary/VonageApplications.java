package dev.ringproof.tenant.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.boundary.Refusal.FieldProblem;
import dev.ringproof.tenant.control.ApplicationToken;
import dev.ringproof.tenant.control.PublicKeyPem;
import dev.ringproof.tenant.entity.ApiKey;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.tenant.entity.VonageApplication;
import dev.ringproof.tenant.entity.VonageToken;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Vonage applications registered on tenants, and the Vonage door's JWT sign-in: a token
 * signed by a registered application's private key authenticates as the api key the
 * application was registered with (its tenant, its world), each token once.
 */
@Stateless
public class VonageApplications {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    Tenants tenants;

    @Inject
    Clock clock;

    /** Registers (or replaces) the tenant's application; the key must be one of the tenant's, not revoked. */
    public VonageApplication register(String tenantId, String applicationId, String publicKey, String keyId) {
        tenants.find(tenantId);
        List<FieldProblem> problems = new ArrayList<>();
        if (applicationId == null || !UUID.matcher(applicationId).matches()) {
            problems.add(new FieldProblem("application_id", "must be a UUID"));
        }
        if (PublicKeyPem.parse(publicKey).isEmpty()) {
            problems.add(new FieldProblem("public_key", "must be an RSA public key of 2048 bits or more, as PEM"));
        }
        var key = keyId == null ? null : em.find(ApiKey.class, keyId);
        if (key == null || !key.tenantId().equals(tenantId) || key.revokedAt() != null) {
            problems.add(new FieldProblem("key_id", "must be an api key of this tenant that is not revoked"));
        }
        String id = applicationId == null ? null : applicationId.toLowerCase(Locale.ROOT);
        if (problems.isEmpty()
                && byApplicationId(id)
                        .filter(a -> !a.tenantId().equals(tenantId))
                        .isPresent()) {
            problems.add(new FieldProblem("application_id", "is registered on another tenant"));
        }
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Reason.INVALID_REQUEST, "See errors for what to correct.", problems);
        }
        var existing = em.find(VonageApplication.class, tenantId);
        if (existing != null) {
            existing.replace(id, keyId, publicKey.strip());
            return existing;
        }
        var application = new VonageApplication(tenantId, id, keyId, publicKey.strip(), OffsetDateTime.now(clock));
        em.persist(application);
        return application;
    }

    public VonageApplication of(String tenantId) {
        tenants.find(tenantId);
        var application = em.find(VonageApplication.class, tenantId);
        if (application == null) {
            throw Refusal.notFound("Vonage application");
        }
        return application;
    }

    public void remove(String tenantId) {
        em.remove(of(tenantId));
    }

    /**
     * The caller behind a Vonage JWT: signed with RS256 by a registered application, young
     * enough, not seen before, its key not revoked and its tenant active. Empty otherwise.
     */
    public Optional<TenantCaller> authenticate(String compactToken) {
        var token = ApplicationToken.read(compactToken);
        var application = token.flatMap(ApplicationToken::applicationId).flatMap(this::byApplicationId);
        if (application.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var accepted = PublicKeyPem.parse(application.get().publicKey())
                .flatMap(key -> token.get().verify(key, now));
        var key = em.find(ApiKey.class, application.get().keyId());
        var tenant = em.find(Tenant.class, application.get().tenantId());
        if (accepted.isEmpty() || key == null || key.revokedAt() != null || tenant == null || !tenant.isActive()) {
            return Optional.empty();
        }
        if (!firstUse(application.get().applicationId(), accepted.get())) {
            return Optional.empty();
        }
        return Optional.of(new TenantCaller(tenant.id(), key.id(), key.isTest()));
    }

    /** Remembers the token; false when it was presented before (a replay). */
    private boolean firstUse(String applicationId, ApplicationToken.Accepted token) {
        String id = VonageToken.id(applicationId, token.jti());
        if (em.find(VonageToken.class, id) != null) {
            return false;
        }
        if (RANDOM.nextInt(50) == 0) {
            em.createNamedQuery(VonageToken.FORGET_EXPIRED)
                    .setParameter("now", OffsetDateTime.now(clock))
                    .executeUpdate();
        }
        try {
            em.persist(new VonageToken(
                    applicationId, token.jti(), OffsetDateTime.ofInstant(token.acceptedUntil(), ZoneOffset.UTC)));
            em.flush();
            return true;
        } catch (PersistenceException e) {
            // the same token presented twice at once: one of the two wins
            return false;
        }
    }

    private Optional<VonageApplication> byApplicationId(String applicationId) {
        return em.createNamedQuery(VonageApplication.BY_APPLICATION_ID, VonageApplication.class)
                .setParameter("applicationId", applicationId)
                .getResultStream()
                .findFirst();
    }
}
