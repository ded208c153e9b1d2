package dev.ringproof.usage.boundary;

import dev.ringproof.platform.control.Ids;
import dev.ringproof.usage.control.PriceSelector;
import dev.ringproof.usage.entity.BillableSend;
import dev.ringproof.usage.entity.Price;
import dev.ringproof.usage.entity.UsageLine;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the ledger: one line per attempt a carrier accepted, in the caller's transaction
 * (the one that records the send), at the price in force at that moment.
 */
@Stateless
public class UsageRecords {

    private static final Logger LOG = Logger.getLogger(UsageRecords.class.getName());

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    PriceSelector prices;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "usage.currency", defaultValue = "EUR")
    String currency;

    /**
     * Records a send; test sends and a second report for the same attempt write nothing. {@code
     * firstReport}: the attempt was still queued, so no line of it can exist (a line is written with
     * the report that moves the attempt on), and the ledger is not asked.
     */
    public void recordSend(BillableSend send, boolean firstReport) {
        if (send.test() || !firstReport && alreadyRecorded(send.attemptId())) {
            return;
        }
        var now = OffsetDateTime.now(clock);
        // an answered flash call costs what a connected call costs: the voice price, on its own line as ever
        var price = prices.inForce(send.answered() ? "voice" : send.channel(), send.country(), now);
        if (price.isEmpty()) {
            // a missing price must not stop verifications; the line shows 0 so billing sees the gap
            LOG.warning(() -> "No price for " + send.channel() + " to " + send.country() + "; billed at 0");
        }
        em.persist(new UsageLine(
                Ids.next("ul"),
                send,
                price.map(Price::unitPrice).orElse(BigDecimal.ZERO),
                price.map(Price::currency).orElse(currency),
                now));
    }

    /** What the tenant's sends of {@code day} (UTC) cost so far. */
    public BigDecimal spentOn(String tenantId, java.time.LocalDate day) {
        BigDecimal spent = em.createQuery(
                        "select sum(u.unitPrice) from UsageLine u"
                                + " where u.tenantId = :tenant and u.usageDay = :day",
                        BigDecimal.class)
                .setParameter("tenant", tenantId)
                .setParameter("day", day)
                .getSingleResult();
        return spent == null ? BigDecimal.ZERO : spent;
    }

    private boolean alreadyRecorded(String attemptId) {
        return em.createNamedQuery(UsageLine.COUNT_FOR_ATTEMPT, Long.class)
                        .setParameter("attempt", attemptId)
                        .getSingleResult()
                > 0;
    }
}
