package dev.ringproof.api.admin;

import dev.ringproof.api.Times;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.webhook.entity.Webhook;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tenant as the admin API shows it (docs/api.md); {@code webhook_secret} only in the answer that issued it. */
public record TenantResponse(
        String id,
        String accountSid,
        String name,
        String status,
        List<String> workflow,
        Map<String, Integer> fallbackAfterSeconds,
        int codeLength,
        int otpLength,
        int maxChecks,
        int ttlSeconds,
        List<String> allowedCountries,
        String webhookUrl,
        String webhookSecret,
        boolean webhookAllowPrivate,
        String webhookDisabledAt,
        String dailySpendCap,
        String spentToday,
        String createdAt) {

    public static TenantResponse of(Tenant t, Webhook webhook, String newWebhookSecret) {
        Map<String, Integer> fallbacks = new LinkedHashMap<>();
        t.fallbackAfterSeconds().forEach((channel, seconds) -> fallbacks.put(channel.wireName(), seconds));
        return new TenantResponse(
                t.id(),
                t.accountSid(),
                t.name(),
                t.status().wireName(),
                t.workflow().stream().map(Channel::wireName).toList(),
                fallbacks,
                t.codeLength(),
                t.otpLength(),
                t.maxChecks(),
                t.ttlSeconds(),
                t.allowedCountries(),
                webhook.url(),
                newWebhookSecret,
                webhook.allowPrivate(),
                Times.rfc3339(webhook.disabledAt()),
                t.dailySpendCap().map(BigDecimal::toPlainString).orElse(null),
                null,
                Times.rfc3339(t.createdAt()));
    }

    /** The same tenant with what its sends of today (UTC) cost so far, beside its cap. */
    public TenantResponse spentToday(BigDecimal spent) {
        return new TenantResponse(
                id,
                accountSid,
                name,
                status,
                workflow,
                fallbackAfterSeconds,
                codeLength,
                otpLength,
                maxChecks,
                ttlSeconds,
                allowedCountries,
                webhookUrl,
                webhookSecret,
                webhookAllowPrivate,
                webhookDisabledAt,
                dailySpendCap,
                spent.setScale(4).toPlainString(),
                createdAt);
    }
}
