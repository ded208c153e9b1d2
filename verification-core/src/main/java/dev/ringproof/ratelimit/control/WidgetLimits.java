package dev.ringproof.ratelimit.control;

import dev.ringproof.ratelimit.boundary.RateLimitExceeded;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The web widget's own limits on starts, on top of the tenant's policies: per publishable key
 * and per browser address (IPv6 by its network prefix). A publishable key is public, so these
 * hold even for a tenant that set no policy. Counted in the database in fixed windows aligned to
 * the epoch, as the policies are ({@link RateLimiter}): one row per subject and window,
 * incremented under its lock in the start's transaction, so any number of servers share the
 * count and a start that is refused later gives its count back.
 */
@Dependent
public class WidgetLimits {

    @Inject
    @ConfigProperty(name = "widget.starts-per-key-per-minute", defaultValue = "60")
    int perKeyPerMinute;

    @Inject
    @ConfigProperty(name = "widget.starts-per-address-per-hour", defaultValue = "30")
    int perAddressPerHour;

    @Inject
    @ConfigProperty(name = "ratelimit.ipv6-prefix-length", defaultValue = "64")
    int ipv6PrefixLength;

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @EJB
    CounterRows rows;

    private ClientNetworks networks;

    @PostConstruct
    void readSettings() {
        networks = new ClientNetworks(ipv6PrefixLength);
    }

    /** Counts a widget start by {@code keyId} from {@code address}, or refuses it (429). */
    public void admit(String keyId, String address, Instant now) {
        take("key:" + keyId, perKeyPerMinute, 60, now);
        String network = networks.subjectOf(address);
        if (network != null) {
            take("address:" + network, perAddressPerHour, 3600, now);
        }
    }

    private void take(String subject, int limit, int windowSeconds, Instant now) {
        var window = FixedWindow.around(now.atOffset(ZoneOffset.UTC), windowSeconds);
        if (increment(subject, window, limit) == 1) {
            return;
        }
        rows.openWidgetCounter(subject, window);
        if (increment(subject, window, limit) == 1) {
            return;
        }
        throw new RateLimitExceeded(
                subject.startsWith("key:") ? "widget_key" : "widget_address",
                limit,
                windowSeconds,
                window.secondsLeft(now.atOffset(ZoneOffset.UTC)));
    }

    private int increment(String subject, FixedWindow window, int limit) {
        return em.createNativeQuery("update widget_counter set hits = hits + 1"
                        + " where subject = ?1 and window_start = ?2 and hits < ?3")
                .setParameter(1, subject)
                .setParameter(2, window.start())
                .setParameter(3, limit)
                .executeUpdate();
    }
}
