package dev.ringproof.ratelimit.control;

import dev.ringproof.platform.control.Reread;
import dev.ringproof.ratelimit.entity.Action;
import dev.ringproof.ratelimit.entity.RateLimitPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;

/**
 * Every rate-limit policy, held in memory ({@link Reread}): each start and check asked the database
 * for them, a statement of its own before the start's transaction. A policy created or deleted
 * here counts at once; through another server, within 10 s.
 */
@ApplicationScoped
public class PolicyBook {

    /** Fired in the transaction that creates or deletes a policy. */
    public record Changed() {}

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    private Reread<List<RateLimitPolicy>> policies;

    @PostConstruct
    void init() {
        policies = new Reread<>(this::readAll);
    }

    /** The policies of {@code action} that apply to the tenant: its own and those of every tenant, by id. */
    public List<RateLimitPolicy> applicable(Action action, String tenantId) {
        return policies.get().stream()
                .filter(p -> p.action() == action && (p.tenantId() == null || Objects.equals(p.tenantId(), tenantId)))
                .toList();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        policies.changed();
    }

    private List<RateLimitPolicy> readAll() {
        return List.copyOf(em.createNamedQuery(RateLimitPolicy.BY_ID, RateLimitPolicy.class)
                .getResultList());
    }
}
