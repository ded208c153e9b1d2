package dev.ringproof.demo.boundary;

import dev.ringproof.numberpool.boundary.NumberPools;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.RunMode;
import dev.ringproof.tenant.boundary.ApiKeys;
import dev.ringproof.tenant.boundary.TenantChanges;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.tenant.entity.ApiKey;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * What the live demo at {@code /demo/} needs on a fresh server: a test-mode tenant, a publishable
 * key for the demo's own origins, and a London pool when there is none. Made on the demo's first
 * load, once (a singleton, each step in a transaction of its own, found again by name), and only
 * in development mode with the sandbox open: never on a production server.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoSetup {

    static final String NAME = "Ringproof demo";
    static final String LABEL = "demo widget";
    /** Ofcom's drama numbers (020 7946 0000 to 0999 and beyond): never a real subscriber. */
    static final String FIRST = "+442079460000";

    static final String LAST = "+442079469999";

    private static final Logger LOG = Logger.getLogger(DemoSetup.class.getName());

    @EJB
    Tenants tenants;

    @EJB
    ApiKeys apiKeys;

    @EJB
    NumberPools pools;

    @Inject
    Config config;

    /** The demo's tenant and publishable key. */
    public record Demo(String tenantId, String publishableKey, String country) {}

    public synchronized Demo provision() {
        if (!isOpen()) {
            throw new Refusal(
                    Refusal.Reason.NOT_FOUND, "The demo runs only in development mode with the sandbox open.");
        }
        var tenant = tenants.search(NAME, 0, 20).stream()
                .filter(t -> t.name().equals(NAME) && t.isActive())
                .findFirst()
                .orElseGet(() -> tenants.create(TenantChanges.none()
                                .renamed(NAME)
                                .withWorkflow(
                                        List.of("missed_call", "sms", "voice"), Map.of("missed_call", 20, "sms", 25)))
                        .tenant());
        String key = keyOf(tenant.id())
                .orElseGet(() -> apiKeys.issuePublishable(tenant.id(), LABEL, "test", origins())
                        .token());
        ensurePool();
        return new Demo(tenant.id(), key, "GB");
    }

    /** Development mode with the sandbox open: anybody may read every handset anyway. */
    public boolean isOpen() {
        boolean development = config.getOptionalValue(RunMode.KEY, String.class)
                        .flatMap(RunMode::parse)
                        .orElse(RunMode.DEVELOPMENT)
                == RunMode.DEVELOPMENT;
        return development
                && config.getOptionalValue("sandbox.open", Boolean.class).orElse(true);
    }

    private Optional<String> keyOf(String tenantId) {
        return apiKeys.of(tenantId).stream()
                .filter(k -> k.isPublishable() && !k.isRevoked() && LABEL.equals(k.label()))
                .map(ApiKey::publishableKey)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private List<String> origins() {
        return List.of(config.getOptionalValue("demo.allowed-origins", String.class)
                .orElse("http://localhost:8080,http://127.0.0.1:8080")
                .split(","));
    }

    private void ensurePool() {
        boolean any = pools.all().stream()
                .anyMatch(p -> "GB".equals(p.pool().country()) && p.pool().isEnabled() && p.size() > 0);
        if (any) {
            return;
        }
        try {
            var pool = pools.create(NAME, "GB", true);
            pools.add(pool.pool().id(), List.of(new NumberPools.NumberRange(FIRST, LAST)));
        } catch (RuntimeException e) {
            LOG.warning(
                    () -> "The demo's London pool could not be made; add numbers of GB to a pool: " + e.getMessage());
        }
    }
}
