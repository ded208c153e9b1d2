package dev.ringproof.webhook.control;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Standard Webhooks signing secrets: {@code whsec_} and 32 random bytes in base64. Stored
 * sealed (see {@link dev.ringproof.sealing.control.Seals#webhookSecrets()}), bound to the tenant.
 */
public final class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {}

    /** What a tenant's sealed secrets are bound to: a secret copied onto another tenant does not open. */
    public static String boundTo(String tenantId) {
        return "tenant/" + tenantId + "/webhook-secret";
    }

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
