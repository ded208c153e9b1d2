package dev.ringproof.tenant.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.boundary.Refusal.FieldProblem;
import dev.ringproof.tenant.boundary.TenantChanges;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.tenant.entity.TenantSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Applies an admin's changes to a tenant's settings, refusing what would not make a working tenant. */
public final class TenantRules {

    private static final Set<String> REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();

    private final int maxTtlSeconds;

    public TenantRules(int maxTtlSeconds) {
        this.maxTtlSeconds = maxTtlSeconds;
    }

    public TenantSettings apply(TenantSettings current, TenantChanges changes) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Channel> workflow =
                changes.workflow() == null ? current.workflow() : workflow(changes.workflow(), problems);
        Map<Channel, Integer> fallbacks = new EnumMap<>(current.fallbackAfterSeconds());
        if (changes.fallbackAfterSeconds() != null) {
            changes.fallbackAfterSeconds()
                    .forEach((name, seconds) -> Channel.fromWireName(name)
                            .ifPresentOrElse(
                                    channel -> fallbacks.put(channel, seconds),
                                    () -> problems.add(
                                            new FieldProblem("fallback_after_seconds." + name, "unknown channel"))));
        }
        int ttl = Optional.ofNullable(changes.ttlSeconds()).orElse(current.ttlSeconds());
        if (ttl > maxTtlSeconds) {
            problems.add(new FieldProblem("ttl_seconds", "must be at most " + maxTtlSeconds));
        }
        List<String> countries = changes.allowedCountries() == null
                ? current.allowedCountries()
                : countries(changes.allowedCountries(), problems);
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Reason.INVALID_REQUEST, "See errors for what to correct.", problems);
        }
        return new TenantSettings(
                workflow,
                fallbacks,
                Optional.ofNullable(changes.codeLength()).orElse(current.codeLength()),
                Optional.ofNullable(changes.otpLength()).orElse(current.otpLength()),
                Optional.ofNullable(changes.maxChecks()).orElse(current.maxChecks()),
                ttl,
                countries);
    }

    /**
     * A tenant's name as it is kept: stripped, not blank, and without control characters, line
     * or paragraph separators or invisible formatting characters, which would break or hide
     * parts of the console, logs and billing CSVs.
     */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("name", "must not be blank");
        }
        if (name.codePoints().anyMatch(TenantRules::isControl)) {
            throw Refusal.invalid("name", "must not contain control characters, line breaks or invisible formatting");
        }
        return name.strip();
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static List<Channel> workflow(List<String> names, List<FieldProblem> problems) {
        Set<Channel> channels = new LinkedHashSet<>();
        for (String name : names) {
            var channel = Channel.fromWireName(name);
            if (channel.isEmpty()) {
                problems.add(new FieldProblem("workflow", "unknown channel '" + name + "'"));
            } else if (!channels.add(channel.get())) {
                problems.add(new FieldProblem("workflow", "lists '" + name + "' twice"));
            }
        }
        if (names.isEmpty()) {
            problems.add(new FieldProblem("workflow", "needs at least one channel"));
        }
        return List.copyOf(channels);
    }

    private static List<String> countries(List<String> codes, List<FieldProblem> problems) {
        Set<String> countries = new LinkedHashSet<>();
        for (String code : codes) {
            if (!REGIONS.contains(code)) {
                problems.add(new FieldProblem("allowed_countries", "'" + code + "' is not an ISO 3166 country code"));
            } else {
                countries.add(code);
            }
        }
        return List.copyOf(countries);
    }
}
