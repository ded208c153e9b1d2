package dev.ringproof.privacy.control;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How long personal data, and the counters kept beside the verifications, are kept
 * (docs/configuration.md, retention), read at every run so a change applies without a restart.
 */
public record RetentionSettings(
        boolean enabled,
        Duration interval,
        int batchSize,
        Duration phones,
        Duration sandboxAndCodes,
        Duration webhookPayloads,
        Duration idempotencyKeys,
        Duration prefixTraffic,
        Duration numberDays) {

    public static RetentionSettings of(Config config) {
        return new RetentionSettings(
                config.getOptionalValue("retention.enabled", Boolean.class).orElse(true),
                config.getOptionalValue("retention.interval", Duration.class).orElse(Duration.ofMinutes(10)),
                Math.max(
                        1,
                        config.getOptionalValue("retention.batch-size", Integer.class)
                                .orElse(500)),
                config.getOptionalValue("retention.phone-numbers", Duration.class)
                        .orElse(Duration.ofDays(30)),
                config.getOptionalValue("retention.sandbox-and-codes", Duration.class)
                        .orElse(Duration.ofDays(1)),
                config.getOptionalValue("retention.webhook-payloads", Duration.class)
                        .orElse(Duration.ofDays(7)),
                config.getOptionalValue("retention.idempotency-keys", Duration.class)
                        .orElse(Duration.ofHours(24)),
                config.getOptionalValue("retention.prefix-traffic", Duration.class)
                        .orElse(Duration.ofDays(7)),
                config.getOptionalValue("retention.number-days", Duration.class).orElse(Duration.ofDays(90)));
    }
}
