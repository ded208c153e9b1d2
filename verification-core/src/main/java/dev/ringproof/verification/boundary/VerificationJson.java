package dev.ringproof.verification.boundary;

import dev.ringproof.platform.control.Rfc3339;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.verification.entity.Attempt;
import dev.ringproof.verification.entity.Verification;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.OffsetDateTime;

/**
 * The Verification of docs/api.md, as the tenant API answers it and webhooks carry it. Never a
 * caller number (CLI) or a code.
 */
public final class VerificationJson {

    /** Json.create… looks the provider up with a ServiceLoader on every call: slow on Payara's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private VerificationJson() {}

    public static JsonObjectBuilder of(Verification v) {
        var json = JSON.createObjectBuilder()
                .add("id", v.id())
                .add("status", v.status().wireName())
                .add("phone", v.phone())
                .add("country", v.country());
        addIfPresent(json, "reference", v.reference());
        v.currentAttempt().ifPresent(a -> json.add("channel", a.channel().wireName()));
        var workflow = JSON.createArrayBuilder();
        v.workflow().stream().map(Channel::wireName).forEach(workflow::add);
        var attempts = JSON.createArrayBuilder();
        v.attempts().forEach(a -> attempts.add(attempt(a)));
        json.add("workflow", workflow).add("attempts", attempts).add("remaining_checks", v.remainingChecks());
        addIfPresent(json, "next_fallback_at", rfc3339(v.nextFallbackAt()));
        return json.add("created_at", rfc3339(v.createdAt())).add("expires_at", rfc3339(v.expiresAt()));
    }

    public static JsonObject checked(Verification v, boolean valid) {
        return of(v).add("valid", valid).build();
    }

    private static JsonObjectBuilder attempt(Attempt a) {
        var json = JSON.createObjectBuilder()
                .add("channel", a.channel().wireName())
                .add("status", a.status().wireName())
                .add("started_at", rfc3339(a.startedAt()));
        addIfPresent(json, "cli_prefix", a.cliPrefix());
        return json.add("code_length", a.codeLength());
    }

    private static String rfc3339(OffsetDateTime time) {
        return Rfc3339.format(time);
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
