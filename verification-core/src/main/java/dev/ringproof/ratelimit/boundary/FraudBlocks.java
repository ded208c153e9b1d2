package dev.ringproof.ratelimit.boundary;

import dev.ringproof.audit.boundary.Audited;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.ratelimit.control.ActiveBlocks;
import dev.ringproof.ratelimit.control.PrefixTraffic;
import dev.ringproof.ratelimit.control.PrefixWatch;
import dev.ringproof.ratelimit.entity.FraudBlock;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.usage.boundary.UsageRecords;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/** Prefixes the fraud guard blocked: admins list them and lift them early. */
@Stateless
public class FraudBlocks {

    private static final Logger LOG = Logger.getLogger(FraudBlocks.class.getName());

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    UsageRecords usage;

    @Inject
    PrefixTraffic traffic;

    @Inject
    Event<ActiveBlocks.Changed> changes;

    /** A tenant whose starts the daily spend cap refuses until 00:00 UTC: what it may spend, and has spent. */
    public record CapReached(Tenant tenant, BigDecimal cap, BigDecimal spentToday) {}

    public List<FraudBlock> active() {
        return em.createNamedQuery(FraudBlock.ACTIVE, FraudBlock.class)
                .setParameter("now", OffsetDateTime.now(clock))
                .getResultList();
    }

    /**
     * Unblocks the prefix now; the block stays on record, lifted. The prefix's counted traffic
     * (of the block's world, live or test) is forgotten, or the same traffic would block it again
     * at the next start.
     */
    @Audited(action = "block.lift", target = FraudBlock.class)
    public FraudBlock lift(String id) {
        var block = id == null ? null : em.find(FraudBlock.class, id);
        if (block == null) {
            throw Refusal.notFound("block");
        }
        block.lift(OffsetDateTime.now(clock));
        traffic.forget(block.prefix(), block.test());
        changes.fire(new ActiveBlocks.Changed());
        LOG.info(() -> "Lifted block " + block.id() + " of " + block.prefix());
        return block;
    }

    /** The tenants at or over their daily spend cap now, as {@code SpendCap} judges them. */
    public List<CapReached> capsReached() {
        var today =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        return em
                .createQuery(
                        "select t from Tenant t where t.dailySpendCap is not null order by t.name, t.id", Tenant.class)
                .getResultList()
                .stream()
                .map(t -> new CapReached(
                        t,
                        t.dailySpendCap().orElseThrow(),
                        usage.spentOn(t.id(), today).setScale(4)))
                .filter(c -> c.spentToday().compareTo(c.cap()) >= 0)
                .toList();
    }

    /** Whether the prefix is blocked for live traffic, or for test traffic ({@code test}), as the database has it now. */
    private boolean isBlocked(String prefix, boolean test, OffsetDateTime now) {
        return em.createNamedQuery(FraudBlock.ACTIVE_FOR, Long.class)
                        .setParameter("prefix", prefix)
                        .setParameter("test", test)
                        .setParameter("now", now)
                        .getSingleResult()
                > 0;
    }

    /** Records a block in a transaction of its own: it must outlast the refused start that found it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @Audited(action = "block.create", target = FraudBlock.class, id = Audited.RESULT, bySystem = true)
    public FraudBlock record(String prefix, boolean test, PrefixWatch.Finding finding, OffsetDateTime now) {
        if (isBlocked(prefix, test, now)) {
            return null;
        }
        var block = new FraudBlock(
                Ids.next("bl"), prefix, test, finding.reason(), finding.detail(), now, now.plus(finding.blockFor()));
        em.persist(block);
        changes.fire(new ActiveBlocks.Changed());
        LOG.warning(() -> "Blocked " + prefix + (test ? " for test traffic" : "") + " until " + block.expiresAt()
                + " for " + finding.reason().wireName() + ": " + finding.detail());
        return block;
    }
}
