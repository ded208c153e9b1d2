package dev.ringproof.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most a few deliveries per tenant at once on this node, so a slow or dead receiver
 * ties up its own tenant's deliveries only, never the others'.
 */
@ApplicationScoped
public class TenantBulkhead {

    static final int PER_TENANT = 2;

    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    public boolean tryEnter(String tenantId) {
        return permits.computeIfAbsent(tenantId, id -> new Semaphore(PER_TENANT))
                .tryAcquire();
    }

    public void leave(String tenantId) {
        permits.get(tenantId).release();
    }
}
