package dev.ringproof.tenant.entity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How a tenant's verifications run: fallback order and timing, code sizes, checks, lifetime, countries. */
public record TenantSettings(
        List<Channel> workflow,
        Map<Channel, Integer> fallbackAfterSeconds,
        int codeLength,
        int otpLength,
        int maxChecks,
        int ttlSeconds,
        List<String> allowedCountries) {

    public static TenantSettings defaults() {
        Map<Channel, Integer> fallbacks = new EnumMap<>(Channel.class);
        fallbacks.put(Channel.MISSED_CALL, 30);
        fallbacks.put(Channel.SMS, 60);
        fallbacks.put(Channel.VOICE, 60);
        return new TenantSettings(
                List.of(Channel.MISSED_CALL, Channel.SMS, Channel.VOICE), fallbacks, 4, 6, 5, 600, List.of());
    }

    public TenantSettings {
        workflow = List.copyOf(workflow);
        fallbackAfterSeconds = Map.copyOf(fallbackAfterSeconds);
        allowedCountries = List.copyOf(allowedCountries);
    }
}
