package dev.ringproof.tenant.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An app that verifies its users' numbers through Ringproof, with its verification settings.
 * Its webhook is the webhook component's ({@code WebhookEndpoint}, by the tenant's id).
 */
@Entity
@Cacheable
@Table(name = "tenant")
@NamedQuery(
        name = Tenant.SEARCH,
        query = "select t from Tenant t where lower(t.name) like :name or t.id = :id order by t.createdAt desc, t.id")
@NamedQuery(name = Tenant.BY_ACCOUNT_SID, query = "select t from Tenant t where t.accountSid = :sid")
public class Tenant {

    public static final String SEARCH = "Tenant.search";
    public static final String BY_ACCOUNT_SID = "Tenant.byAccountSid";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;

    private String name;

    /** {@code AC} + 32 hex: the user name of the compatibility doors' HTTP Basic, stable for life. */
    @Column(name = "account_sid")
    private String accountSid;

    @Convert(converter = TenantStatus.Column.class)
    private TenantStatus status;

    private String workflow;

    @Column(name = "fallback_missed_call")
    private int fallbackMissedCall;

    @Column(name = "fallback_sms")
    private int fallbackSms;

    @Column(name = "fallback_voice")
    private int fallbackVoice;

    @Column(name = "code_length")
    private int codeLength;

    @Column(name = "otp_length")
    private int otpLength;

    @Column(name = "max_checks")
    private int maxChecks;

    @Column(name = "ttl_seconds")
    private int ttlSeconds;

    @Column(name = "allowed_countries")
    private String allowedCountries;

    @Column(name = "daily_spend_cap")
    private java.math.BigDecimal dailySpendCap;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Tenant() {
        // for JPA
    }

    public Tenant(String id, String name, TenantSettings settings, OffsetDateTime createdAt) {
        this.id = id;
        this.name = name;
        this.accountSid = "AC" + HexFormat.of().formatHex(randomBytes());
        this.status = TenantStatus.ACTIVE;
        this.createdAt = createdAt;
        apply(settings);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public String accountSid() {
        return accountSid;
    }

    public void rename(String name) {
        this.name = name;
    }

    public final void apply(TenantSettings settings) {
        this.workflow = settings.workflow().stream().map(Channel::wireName).collect(Collectors.joining(","));
        this.fallbackMissedCall = settings.fallbackAfterSeconds().get(Channel.MISSED_CALL);
        this.fallbackSms = settings.fallbackAfterSeconds().get(Channel.SMS);
        this.fallbackVoice = settings.fallbackAfterSeconds().get(Channel.VOICE);
        this.codeLength = settings.codeLength();
        this.otpLength = settings.otpLength();
        this.maxChecks = settings.maxChecks();
        this.ttlSeconds = settings.ttlSeconds();
        this.allowedCountries = String.join(",", settings.allowedCountries());
    }

    public TenantSettings settings() {
        return new TenantSettings(
                workflow(), fallbackAfterSeconds(), codeLength, otpLength, maxChecks, ttlSeconds, allowedCountries());
    }

    /** Null lifts the cap. */
    public void capDailySpend(java.math.BigDecimal cap) {
        this.dailySpendCap = cap;
    }

    public java.util.Optional<java.math.BigDecimal> dailySpendCap() {
        return java.util.Optional.ofNullable(dailySpendCap);
    }

    public void suspend() {
        this.status = TenantStatus.SUSPENDED;
    }

    public void reactivate() {
        this.status = TenantStatus.ACTIVE;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /** Whether numbers of this ISO country may be verified: an empty allow-list allows all. */
    public boolean permitsCountry(String country) {
        List<String> allowed = allowedCountries();
        return allowed.isEmpty() || allowed.contains(country);
    }

    public List<Channel> workflow() {
        return Arrays.stream(workflow.split(","))
                .map(c -> Channel.fromWireName(c).orElseThrow())
                .toList();
    }

    public Map<Channel, Integer> fallbackAfterSeconds() {
        Map<Channel, Integer> map = new EnumMap<>(Channel.class);
        map.put(Channel.MISSED_CALL, fallbackMissedCall);
        map.put(Channel.SMS, fallbackSms);
        map.put(Channel.VOICE, fallbackVoice);
        return map;
    }

    public List<String> allowedCountries() {
        return allowedCountries.isEmpty() ? List.of() : List.of(allowedCountries.split(","));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public TenantStatus status() {
        return status;
    }

    public int codeLength() {
        return codeLength;
    }

    public int otpLength() {
        return otpLength;
    }

    public int maxChecks() {
        return maxChecks;
    }

    public int ttlSeconds() {
        return ttlSeconds;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
