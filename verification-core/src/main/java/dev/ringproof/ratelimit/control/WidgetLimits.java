package dev.ringproof.ratelimit.control;

import dev.ringproof.ratelimit.boundary.RateLimitExceeded;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The web widget's own limits on starts, on top of the tenant's policies: per publishable key
 * and per browser address (IPv6 by its network prefix). A publishable key is public, so these
 * hold even for a tenant that set no policy. Counted in this server's memory, in fixed windows;
 * a start refused later still counts, which errs on the side of the phone's owner.
 */
@ApplicationScoped
public class WidgetLimits {

    static final int MAX_SUBJECTS = 100_000;

    @Inject
    @ConfigProperty(name = "widget.starts-per-key-per-minute", defaultValue = "60")
    int perKeyPerMinute;

    @Inject
    @ConfigProperty(name = "widget.starts-per-address-per-hour", defaultValue = "30")
    int perAddressPerHour;

    @Inject
    @ConfigProperty(name = "ratelimit.ipv6-prefix-length", defaultValue = "64")
    int ipv6PrefixLength;

    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
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

    void take(String subject, int limit, int windowSeconds, Instant now) {
        if (windows.size() > MAX_SUBJECTS) {
            windows.clear(); // a flood of addresses must not exhaust the heap; the windows start over
        }
        long epoch = now.getEpochSecond();
        long start = epoch - Math.floorMod(epoch, windowSeconds);
        long[] taken = {0};
        windows.compute(subject, (s, window) -> {
            long[] current = window == null || window[0] != start ? new long[] {start, 0} : window;
            taken[0] = current[1] < limit ? ++current[1] : -1;
            return current;
        });
        if (taken[0] < 0) {
            throw new RateLimitExceeded(
                    subject.startsWith("key:") ? "widget_key" : "widget_address",
                    limit,
                    windowSeconds,
                    start + windowSeconds - epoch);
        }
    }
}
