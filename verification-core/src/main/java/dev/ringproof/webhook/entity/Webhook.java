package dev.ringproof.webhook.entity;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A tenant's webhook as admins see it: where it points (null: nowhere), whether it may point
 * at a private network, and when and why deliveries stopped (null while they run). No secret.
 */
public record Webhook(String url, boolean allowPrivate, OffsetDateTime disabledAt, String disabledReason)
        implements Serializable {

    /** A tenant that never had a webhook. */
    public static final Webhook NONE = new Webhook(null, false, null, null);

    public boolean isActive() {
        return url != null && disabledAt == null;
    }

    /** "none", "enabled" or "disabled", as the console shows it. */
    public String state() {
        return url == null ? "none" : disabledAt == null ? "enabled" : "disabled";
    }
}
