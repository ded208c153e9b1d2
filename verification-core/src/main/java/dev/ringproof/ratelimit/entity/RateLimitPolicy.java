package dev.ringproof.ratelimit.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * At most {@code limit} starts (or checks) per {@code windowSeconds} for each subject of its
 * scope: a tenant, a phone number, a prefix, a country or a client address. Global when
 * {@code tenantId} is null, else only for that tenant's traffic. {@code match} narrows it:
 * an E.164 prefix for scopes phone and prefix, an ISO country for scope country.
 */
@Entity
@Cacheable
@Table(name = "rate_limit_policy")
@NamedQuery(name = RateLimitPolicy.ALL, query = "select p from RateLimitPolicy p order by p.createdAt, p.id")
@NamedQuery(name = RateLimitPolicy.BY_ID, query = "select p from RateLimitPolicy p order by p.id")
public class RateLimitPolicy {

    public static final String ALL = "RateLimitPolicy.all";
    public static final String BY_ID = "RateLimitPolicy.byId";
    /** Bounds of {@code limit} and {@code windowSeconds}: at most a million a window, windows up to 30 days. */
    public static final int MAX_LIMIT = 1_000_000;

    public static final int MAX_WINDOW_SECONDS = 30 * 24 * 3600;

    @Id
    private String id;

    private String scope;
    private String action;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "match_value")
    private String match;

    @Column(name = "limit_count")
    private int limit;

    @Column(name = "window_seconds")
    private int windowSeconds;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected RateLimitPolicy() {
        // for JPA
    }

    public RateLimitPolicy(
            String id,
            Scope scope,
            Action action,
            String tenantId,
            String match,
            int limit,
            int windowSeconds,
            OffsetDateTime createdAt) {
        this.id = id;
        this.scope = scope.wireName();
        this.action = action.wireName();
        this.tenantId = tenantId;
        this.match = match;
        this.limit = limit;
        this.windowSeconds = windowSeconds;
        this.createdAt = createdAt;
    }

    /** The counter this traffic goes to under this policy, or empty when the policy does not apply to it. */
    public Optional<String> subjectOf(Traffic traffic) {
        if (!action().equals(traffic.action()) || (tenantId != null && !tenantId.equals(traffic.tenantId()))) {
            return Optional.empty();
        }
        return switch (scope()) {
            case TENANT -> Optional.of(traffic.tenantId());
            case PHONE -> matchesPrefix(traffic.phone()) ? Optional.of(traffic.phone()) : Optional.empty();
            case PREFIX ->
                match == null
                        ? Optional.of(traffic.prefix())
                        : matchesPrefix(traffic.phone()) ? Optional.of(match) : Optional.empty();
            case COUNTRY ->
                match == null || match.equals(traffic.country()) ? Optional.of(traffic.country()) : Optional.empty();
            case IP -> Optional.ofNullable(traffic.ip());
        };
    }

    private boolean matchesPrefix(String phone) {
        return match == null || phone.startsWith(match);
    }

    public String id() {
        return id;
    }

    public Scope scope() {
        return Scope.fromWireName(scope).orElseThrow();
    }

    public Action action() {
        return Action.fromWireName(action).orElseThrow();
    }

    public String tenantId() {
        return tenantId;
    }

    public String match() {
        return match;
    }

    public int limit() {
        return limit;
    }

    public int windowSeconds() {
        return windowSeconds;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
