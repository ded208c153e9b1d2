package dev.ringproof.privacy.boundary;

import dev.ringproof.numberpool.boundary.PoolHealth;
import dev.ringproof.privacy.control.RetentionSettings;
import dev.ringproof.ratelimit.control.PrefixWatch;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Keeps personal data no longer than docs/data-inventory.md says: masks the numbers of ended
 * verifications, forgets their code hashes, deletes sandbox messages and old idempotency keys,
 * empties settled webhook payloads. It also deletes the counters that grow with every minute and
 * day of traffic once nothing reads them: a prefix's minutes, a caller number's and a pool's
 * days. Every server looks every 10 s; the one that claims the lease row runs, once per {@code
 * retention.interval} for the cluster, batch by batch, each batch its own short transaction, for
 * at most {@link #BUDGET} a run. Counted in {@code ringproof.retention.removed} by what.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

    public static final String REMOVED = "ringproof.retention.removed";
    private static final Duration BUDGET = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    /** This server, as the lease names it. */
    private static final String SERVER = UUID.randomUUID().toString();

    @EJB
    RetentionBatches batches;

    @Inject
    Config config;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry registry;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    public void run() {
        var settings = RetentionSettings.of(config);
        var now = OffsetDateTime.now(clock);
        if (!settings.enabled() || !batches.claim(SERVER, now, now.plus(settings.interval()))) {
            return;
        }
        var deadline = now.plus(BUDGET);
        drain("phone_numbers", now.minus(settings.phones()), settings, deadline, batches::maskPhones);
        drain("codes", now.minus(settings.sandboxAndCodes()), settings, deadline, batches::clearCodes);
        drain(
                "sandbox_messages",
                now.minus(settings.sandboxAndCodes()),
                settings,
                deadline,
                batches::deleteSandboxMessages);
        drain(
                "webhook_payloads",
                now.minus(settings.webhookPayloads()),
                settings,
                deadline,
                batches::clearWebhookPayloads);
        drain(
                "idempotency_keys",
                now.minus(settings.idempotencyKeys()),
                settings,
                deadline,
                batches::deleteIdempotencyKeys);
        drainPrefixes(now.minus(longer(settings.prefixTraffic(), PrefixWatch.lookBack(config))), settings, deadline);
        drain(
                "number_days",
                now.minus(longer(settings.numberDays(), Duration.ofDays(PoolHealth.DAYS))),
                settings,
                deadline,
                batches::deleteNumberDays);
    }

    /**
     * The fraud guard's minutes before {@code cutoff}, prefix by prefix in key order, each batch its
     * own transaction. A run that runs out of time begins again from the first prefix next time.
     */
    private void drainPrefixes(OffsetDateTime cutoff, RetentionSettings settings, OffsetDateTime deadline) {
        var counter = registry.counter(REMOVED, new Tag("what", "prefix_traffic"));
        var prefix = batches.prefixAfter(RetentionBatches.PrefixOfTraffic.FIRST);
        while (prefix.isPresent() && OffsetDateTime.now(clock).isBefore(deadline)) {
            int done;
            do {
                done = batches.deleteMinutes(prefix.get(), cutoff, settings.batchSize());
                counter.inc(done);
            } while (done == settings.batchSize() && OffsetDateTime.now(clock).isBefore(deadline));
            prefix = batches.prefixAfter(prefix.get());
        }
        if (prefix.isPresent()) {
            LOG.info("Retention: more prefix traffic than one run's time allows; the next run goes on");
        }
    }

    /** Never shorter than what is read: the watches' look-back, the health view's days. */
    private static Duration longer(Duration setting, Duration read) {
        return setting.compareTo(read) >= 0 ? setting : read;
    }

    private void drain(
            String what,
            OffsetDateTime cutoff,
            RetentionSettings settings,
            OffsetDateTime deadline,
            BiFunction<OffsetDateTime, Integer, Integer> batch) {
        var counter = registry.counter(REMOVED, new Tag("what", what));
        int done; // may pass the batch: the codes step clears the codes of a batch of verifications
        do {
            done = batch.apply(cutoff, settings.batchSize());
            counter.inc(done);
        } while (done >= settings.batchSize() && OffsetDateTime.now(clock).isBefore(deadline));
        if (done >= settings.batchSize()) {
            LOG.info(() -> "Retention: more " + what + " than one run's time allows; the next run goes on");
        }
    }
}
