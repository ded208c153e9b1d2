package dev.ringproof.api.compat.sinch;

import dev.ringproof.api.Times;
import dev.ringproof.platform.control.Ids;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.verification.entity.Attempt;
import dev.ringproof.verification.entity.Verification;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A verification in Sinch Verification v1's shapes: its id is the verification's 128 bits as
 * 32 hex digits, its status one of Sinch's, its flash call described by the regular
 * expression its caller number will match.
 */
final class SinchJson {

    static final String BASE = "/api/compat/sinch/verification/v1/verifications";

    private SinchJson() {}

    static String sinchId(Verification verification) {
        return Ids.hex(verification.id()).orElseThrow();
    }

    /** Our id for a Sinch id; empty when it cannot be one of ours (then it is unknown). */
    static Optional<String> ourId(String sinchId) {
        return Ids.fromHex("vf", sinchId);
    }

    /** The answer to a start. */
    static JsonObject started(Verification verification, SinchMethod method, String publicBase, OffsetDateTime now) {
        String id = sinchId(verification);
        var answer = Json.createObjectBuilder().add("id", id).add("method", method.wireName());
        var attempt = verification.currentAttempt().orElseThrow();
        if (attempt.channel() == Channel.MISSED_CALL) {
            answer.add(
                    "flashCall",
                    Json.createObjectBuilder()
                            .add("cliFilter", cliFilter(attempt))
                            .add("interceptionTimeout", secondsUntil(now, interceptionEnds(verification)))
                            .add("reportTimeout", secondsUntil(now, verification.expiresAt()))
                            .add("denyCallAfter", 0));
        } else if (attempt.channel() == Channel.SMS) {
            answer.add(
                    "sms",
                    Json.createObjectBuilder().add("interceptionTimeout", secondsUntil(now, verification.expiresAt())));
        }
        String self = publicBase + BASE + "/id/" + id;
        answer.add(
                "_links",
                Json.createArrayBuilder().add(link("status", self, "GET")).add(link("report", self, "PUT")));
        return answer.build();
    }

    /**
     * The regular expression that matches exactly the caller numbers this flash call can come
     * from: the drawn number's shown prefix followed by any digits of the code's length. The
     * prefix holds only {@code +} and digits; the {@code +} is escaped so that every regex
     * dialect (Java, JavaScript, the Android and iOS SDKs') reads it alike.
     */
    static String cliFilter(Attempt attempt) {
        var filter = new StringBuilder("^");
        for (char c : attempt.cliPrefix().toCharArray()) {
            if (c >= '0' && c <= '9') {
                filter.append(c);
            } else {
                filter.append('\\').append(c);
            }
        }
        return filter.append("[0-9]{").append(attempt.codeLength()).append("}$").toString();
    }

    /** The answer to a report: whether this report proved the number, or where the verification stands. */
    static JsonObject reported(Verification verification, SinchMethod method, boolean valid) {
        var answer = Json.createObjectBuilder().add("id", sinchId(verification)).add("method", method.wireName());
        if (valid) {
            answer.add("status", "SUCCESSFUL");
        } else if (verification.isPending()) {
            answer.add("status", "FAIL")
                    .add("reason", method == SinchMethod.FLASHCALL ? "Invalid CLI" : "Invalid code");
        } else {
            answer.add("status", sinchStatus(verification));
            reason(verification).ifPresent(reason -> answer.add("reason", reason));
        }
        return answer.add("callComplete", callComplete(verification)).build();
    }

    /** The answer to a status request. */
    static JsonObject status(Verification verification) {
        var answer = Json.createObjectBuilder()
                .add("id", sinchId(verification))
                .add("method", method(verification).wireName())
                .add("status", sinchStatus(verification));
        reason(verification).ifPresent(reason -> answer.add("reason", reason));
        if (verification.reference() != null) {
            answer.add("reference", verification.reference());
        }
        return answer.add(
                        "identity",
                        Json.createObjectBuilder().add("type", "number").add("endpoint", verification.phone()))
                .add("countryId", verification.country())
                .add("verificationTimestamp", Times.rfc3339(verification.createdAt()))
                .add("callComplete", callComplete(verification))
                .build();
    }

    /** The method of the verification's current attempt: the channel it is on now. */
    static SinchMethod method(Verification verification) {
        return SinchMethod.of(verification
                .currentAttempt()
                .map(Attempt::channel)
                .orElse(verification.workflow().get(0)));
    }

    static String sinchStatus(Verification verification) {
        return switch (verification.status()) {
            case PENDING -> "PENDING";
            case APPROVED -> "SUCCESSFUL";
            case CANCELED -> "ABORTED";
            case FAILED, EXPIRED -> "FAIL";
        };
    }

    static Optional<String> reason(Verification verification) {
        return switch (verification.status()) {
            case EXPIRED -> Optional.of("Expired");
            case FAILED ->
                Optional.of(
                        verification.remainingChecks() > 0
                                ? "Network error or number unreachable"
                                : method(verification) == SinchMethod.FLASHCALL ? "Invalid CLI" : "Invalid code");
            default -> Optional.empty();
        };
    }

    /** Whether a call of the verification (a flash call or a callout) has been placed: the carrier took it. */
    static boolean callComplete(Verification verification) {
        return verification.attempts().stream()
                .filter(a -> a.channel() != Channel.SMS)
                .anyMatch(a -> a.status() == Attempt.Status.SENT || a.status() == Attempt.Status.DELIVERED);
    }

    /** The flash call waits until the verification's next fallback (here: its end, as it has one channel). */
    private static OffsetDateTime interceptionEnds(Verification verification) {
        return verification.nextFallbackAt() != null ? verification.nextFallbackAt() : verification.expiresAt();
    }

    private static long secondsUntil(OffsetDateTime now, OffsetDateTime then) {
        return Math.max(0, Duration.between(now, then).toSeconds());
    }

    private static JsonObjectBuilder link(String rel, String href, String method) {
        return Json.createObjectBuilder().add("rel", rel).add("href", href).add("method", method);
    }
}
