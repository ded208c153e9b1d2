package dev.ringproof.tenant.boundary;

import java.util.List;
import java.util.Map;

/**
 * What an admin asks to set on a tenant, applied by {@link Tenants} in one transaction, so a
 * refused part changes nothing. Start from {@link #none()} and name each change; {@code null}
 * anywhere leaves a setting as it is (PATCH). Ranges were checked at the edge; {@link Tenants}
 * checks what needs the domain (channels, countries, URLs).
 */
public record TenantChanges(
        String name,
        List<String> workflow,
        Map<String, Integer> fallbackAfterSeconds,
        Integer codeLength,
        Integer otpLength,
        Integer maxChecks,
        Integer ttlSeconds,
        List<String> allowedCountries,
        String webhookUrl,
        Boolean webhookAllowPrivate,
        String dailySpendCap) {

    public static TenantChanges none() {
        return new TenantChanges(null, null, null, null, null, null, null, null, null, null, null);
    }

    public TenantChanges renamed(String newName) {
        return new TenantChanges(
                newName,
                workflow,
                fallbackAfterSeconds,
                codeLength,
                otpLength,
                maxChecks,
                ttlSeconds,
                allowedCountries,
                webhookUrl,
                webhookAllowPrivate,
                dailySpendCap);
    }

    /** The channels in the order they are tried, and the seconds each waits before the next (by wire name). */
    public TenantChanges withWorkflow(List<String> channels, Map<String, Integer> fallbacks) {
        return new TenantChanges(
                name,
                channels,
                fallbacks,
                codeLength,
                otpLength,
                maxChecks,
                ttlSeconds,
                allowedCountries,
                webhookUrl,
                webhookAllowPrivate,
                dailySpendCap);
    }

    /** The digits of a missed call's code (the caller number's end) and of an SMS or voice one-time password. */
    public TenantChanges withCodeLengths(Integer missedCallDigits, Integer otpDigits) {
        return new TenantChanges(
                name,
                workflow,
                fallbackAfterSeconds,
                missedCallDigits,
                otpDigits,
                maxChecks,
                ttlSeconds,
                allowedCountries,
                webhookUrl,
                webhookAllowPrivate,
                dailySpendCap);
    }

    /** How many codes a verification may check, and how long it lives. */
    public TenantChanges withLimits(Integer checks, Integer lifetimeSeconds) {
        return new TenantChanges(
                name,
                workflow,
                fallbackAfterSeconds,
                codeLength,
                otpLength,
                checks,
                lifetimeSeconds,
                allowedCountries,
                webhookUrl,
                webhookAllowPrivate,
                dailySpendCap);
    }

    /** ISO 3166 codes of the countries whose numbers may be verified; an empty list allows all. */
    public TenantChanges withAllowedCountries(List<String> countries) {
        return new TenantChanges(
                name,
                workflow,
                fallbackAfterSeconds,
                codeLength,
                otpLength,
                maxChecks,
                ttlSeconds,
                countries,
                webhookUrl,
                webhookAllowPrivate,
                dailySpendCap);
    }

    /**
     * The webhook's URL ("" removes the webhook); {@code allowPrivate} lets it point at loopback or
     * private addresses (tests, in-house receivers).
     */
    public TenantChanges withWebhook(String url, Boolean allowPrivate) {
        return new TenantChanges(
                name,
                workflow,
                fallbackAfterSeconds,
                codeLength,
                otpLength,
                maxChecks,
                ttlSeconds,
                allowedCountries,
                url,
                allowPrivate,
                dailySpendCap);
    }

    /** A decimal amount in the billing currency; "" lifts the cap. */
    public TenantChanges withDailySpendCap(String cap) {
        return new TenantChanges(
                name,
                workflow,
                fallbackAfterSeconds,
                codeLength,
                otpLength,
                maxChecks,
                ttlSeconds,
                allowedCountries,
                webhookUrl,
                webhookAllowPrivate,
                cap);
    }
}
