package dev.ringproof.platform.boundary;

import dev.ringproof.routing.boundary.Providers;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The telephony providers' state as the admin API shows it; the WARs see telephony only through here. */
@Stateless
public class CarrierProviders {

    /** {@code circuit}: closed (sends go through) or open (skipped until {@code openUntil}). */
    public record ProviderState(
            String name,
            String circuit,
            OffsetDateTime openUntil,
            int recentSends,
            double errorRate,
            int failuresInARow) {}

    @EJB
    Providers providers;

    public List<ProviderState> states() {
        return providers.states().stream()
                .map(s -> new ProviderState(
                        s.provider(),
                        s.open() ? "open" : "closed",
                        s.openUntil() == null ? null : s.openUntil().atOffset(ZoneOffset.UTC),
                        s.recentSends(),
                        Math.round(s.errorRate() * 100) / 100.0,
                        s.failuresInARow()))
                .toList();
    }
}
