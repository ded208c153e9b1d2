package dev.ringproof.admin.tenant;

import dev.ringproof.tenant.boundary.TenantChanges;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.webhook.entity.Webhook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** What the tenant form edits, converted to and from the domain's {@link TenantChanges}. */
public class TenantForm {

    private String name;
    private String first = "missed_call";
    private String second = "sms";
    private String third = "voice";
    private Integer fallbackMissedCall = 30;
    private Integer fallbackSms = 60;
    private Integer fallbackVoice = 60;
    private Integer codeLength = 4;
    private Integer otpLength = 6;
    private Integer maxChecks = 5;
    private Integer ttlSeconds = 600;
    private List<String> countries = new ArrayList<>();
    private String webhookUrl;
    private String dailySpendCap;
    private boolean webhookAllowPrivate;

    static TenantForm of(Tenant tenant, Webhook webhook) {
        var form = new TenantForm();
        form.name = tenant.name();
        List<Channel> workflow = tenant.workflow();
        form.first = workflow.get(0).wireName();
        form.second = workflow.size() > 1 ? workflow.get(1).wireName() : null;
        form.third = workflow.size() > 2 ? workflow.get(2).wireName() : null;
        var fallbacks = tenant.fallbackAfterSeconds();
        form.fallbackMissedCall = fallbacks.get(Channel.MISSED_CALL);
        form.fallbackSms = fallbacks.get(Channel.SMS);
        form.fallbackVoice = fallbacks.get(Channel.VOICE);
        form.codeLength = tenant.codeLength();
        form.otpLength = tenant.otpLength();
        form.maxChecks = tenant.maxChecks();
        form.ttlSeconds = tenant.ttlSeconds();
        form.countries = new ArrayList<>(tenant.allowedCountries());
        form.webhookUrl = webhook.url();
        form.webhookAllowPrivate = webhook.allowPrivate();
        form.dailySpendCap =
                tenant.dailySpendCap().map(java.math.BigDecimal::toPlainString).orElse("");
        return form;
    }

    TenantChanges changes() {
        List<String> workflow = Stream.of(first, second, third)
                .filter(c -> c != null && !c.isEmpty())
                .toList();
        Map<String, Integer> fallbacks = new LinkedHashMap<>();
        fallbacks.put("missed_call", fallbackMissedCall);
        fallbacks.put("sms", fallbackSms);
        fallbacks.put("voice", fallbackVoice);
        List<String> upper = countries == null
                ? List.of()
                : countries.stream()
                        .map(c -> c.strip().toUpperCase(Locale.ROOT))
                        .filter(c -> !c.isEmpty())
                        .toList();
        return TenantChanges.none()
                .renamed(name)
                .withWorkflow(workflow, fallbacks)
                .withCodeLengths(codeLength, otpLength)
                .withLimits(maxChecks, ttlSeconds)
                .withAllowedCountries(upper)
                .withWebhook(webhookUrl == null ? "" : webhookUrl.strip(), webhookAllowPrivate)
                .withDailySpendCap(dailySpendCap == null ? "" : dailySpendCap.strip());
    }

    // accessors for the form's inputs

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFirst() {
        return first;
    }

    public void setFirst(String first) {
        this.first = first;
    }

    public String getSecond() {
        return second;
    }

    public void setSecond(String second) {
        this.second = second;
    }

    public String getThird() {
        return third;
    }

    public void setThird(String third) {
        this.third = third;
    }

    public Integer getFallbackMissedCall() {
        return fallbackMissedCall;
    }

    public void setFallbackMissedCall(Integer seconds) {
        this.fallbackMissedCall = seconds;
    }

    public Integer getFallbackSms() {
        return fallbackSms;
    }

    public void setFallbackSms(Integer seconds) {
        this.fallbackSms = seconds;
    }

    public Integer getFallbackVoice() {
        return fallbackVoice;
    }

    public void setFallbackVoice(Integer seconds) {
        this.fallbackVoice = seconds;
    }

    public Integer getCodeLength() {
        return codeLength;
    }

    public void setCodeLength(Integer codeLength) {
        this.codeLength = codeLength;
    }

    public Integer getOtpLength() {
        return otpLength;
    }

    public void setOtpLength(Integer otpLength) {
        this.otpLength = otpLength;
    }

    public Integer getMaxChecks() {
        return maxChecks;
    }

    public void setMaxChecks(Integer maxChecks) {
        this.maxChecks = maxChecks;
    }

    public Integer getTtlSeconds() {
        return ttlSeconds;
    }

    public void setTtlSeconds(Integer ttlSeconds) {
        this.ttlSeconds = ttlSeconds;
    }

    public List<String> getCountries() {
        return countries;
    }

    public void setCountries(List<String> countries) {
        this.countries = countries;
    }

    public boolean isWebhookAllowPrivate() {
        return webhookAllowPrivate;
    }

    public void setWebhookAllowPrivate(boolean allowed) {
        this.webhookAllowPrivate = allowed;
    }

    public String getDailySpendCap() {
        return dailySpendCap;
    }

    public void setDailySpendCap(String dailySpendCap) {
        this.dailySpendCap = dailySpendCap;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }
}
