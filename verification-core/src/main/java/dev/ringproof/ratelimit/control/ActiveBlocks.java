package dev.ringproof.ratelimit.control;

import dev.ringproof.platform.control.Reread;
import dev.ringproof.ratelimit.entity.FraudBlock;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The fraud guard's blocks in force, held in memory ({@link Reread}): every start asked the
 * database for its prefix's, a statement in each start's transaction for a table that is nearly
 * always empty. A block recorded or lifted here counts at once; through another server, within
 * 10 s (that server's own watch blocks a pumped prefix by itself meanwhile: the traffic it judges
 * is shared).
 */
@ApplicationScoped
public class ActiveBlocks {

    /** Fired in the transaction that records or lifts a block. */
    public record Changed() {}

    private record Block(String prefix, boolean test, OffsetDateTime expiresAt) {}

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    private Reread<List<Block>> blocks;

    @PostConstruct
    void init() {
        blocks = new Reread<>(this::readAll);
    }

    /** Whether the prefix is blocked for live traffic, or for test traffic ({@code test}), at {@code now}. */
    public boolean isBlocked(String prefix, boolean test, OffsetDateTime now) {
        return blocks.get().stream()
                .anyMatch(b -> b.test() == test
                        && b.prefix().equals(prefix)
                        && b.expiresAt().isAfter(now));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        blocks.changed();
    }

    private List<Block> readAll() {
        return em.createNamedQuery(FraudBlock.ACTIVE, FraudBlock.class)
                .setParameter("now", OffsetDateTime.now(clock))
                .getResultStream()
                .map(b -> new Block(b.prefix(), b.test(), b.expiresAt()))
                .toList();
    }
}
