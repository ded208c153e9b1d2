package dev.ringproof.tenant.boundary;

import java.util.List;
import java.util.Map;

/**
 * What an admin asks to set on a tenant. {@code null} leaves a setting as it is (PATCH);
 * a {@code webhookUrl} of "" removes the webhook; {@code webhookAllowPrivate} lets it
 * point at loopback or private addresses (tests, in-house receivers); {@code dailySpendCap}
 * is a decimal amount in the billing currency, "" lifts it. Ranges were checked at the edge;
 * {@link Tenants} checks what needs the domain (channels, countries, URLs).
 */
public record TenantChanges(String name, List<String> workflow, Map<String, Integer> fallbackAfterSeconds,
                            Integer codeLength, Integer otpLength, Integer maxChecks, Integer ttlSeconds,
                            List<String> allowedCountries, String webhookUrl, Boolean webhookAllowPrivate,
                            String dailySpendCap) {
}
