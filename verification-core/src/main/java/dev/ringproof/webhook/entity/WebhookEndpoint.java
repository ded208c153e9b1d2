package dev.ringproof.webhook.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a tenant's events are delivered, signed with which secrets (stored sealed), and whether
 * deliveries stopped. One per tenant, referred to by the tenant's id; without a URL the tenant
 * has no webhook. Read at every state change of a verification, hence cached.
 */
@Entity
@Cacheable
@Table(name = "webhook_endpoint")
@NamedQuery(name = WebhookEndpoint.OF_TENANTS, query = "select e from WebhookEndpoint e where e.tenantId in :tenants")
public class WebhookEndpoint {

    public static final String OF_TENANTS = "WebhookEndpoint.ofTenants";

    @Id
    @Column(name = "tenant_id")
    private String tenantId;

    private String url;
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private OffsetDateTime previousSecretUntil;

    @Column(name = "disabled_at")
    private OffsetDateTime disabledAt;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "allow_private")
    private boolean allowPrivate;

    @Version
    private long version;

    protected WebhookEndpoint() {
        // for JPA
    }

    /** A tenant's endpoint that points nowhere yet. */
    public WebhookEndpoint(String tenantId) {
        this.tenantId = tenantId;
    }

    /** A new target, with a new secret (null, null: no webhook); a disabled webhook comes back to life. */
    public void pointAt(String url, String secret) {
        this.url = url;
        this.secret = secret;
        this.previousSecret = null;
        this.previousSecretUntil = null;
        this.disabledAt = null;
        this.disabledReason = null;
    }

    /** A new secret; the old one still signs until {@code oldValidUntil}, so receivers can switch over. */
    public void rotateSecret(String secret, OffsetDateTime oldValidUntil) {
        this.previousSecret = this.secret;
        this.previousSecretUntil = oldValidUntil;
        this.secret = secret;
    }

    /** The receiver said 410 Gone: no more deliveries until an admin sets the webhook again. */
    public void disable(OffsetDateTime at, String reason) {
        this.disabledAt = at;
        this.disabledReason = reason;
    }

    public boolean isActive() {
        return url != null && disabledAt == null;
    }

    /** The secrets to sign with now, as stored: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(OffsetDateTime now) {
        return previousSecret != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }

    public void allowPrivate(boolean allowed) {
        this.allowPrivate = allowed;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** What an admin sees of it: no secret. */
    public Webhook webhook() {
        return new Webhook(url, allowPrivate, disabledAt, disabledReason);
    }

    public String tenantId() {
        return tenantId;
    }

    public String url() {
        return url;
    }
}
