package dev.ringproof.api.compat.twilio;

import dev.ringproof.platform.control.Ids;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.twilio.entity.ServiceProfile;
import dev.ringproof.verification.entity.Attempt;
import dev.ringproof.verification.entity.Verification;
import dev.ringproof.verification.entity.VerificationStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Services, verifications and checks in Twilio Verify v2's field names, as its SDK parses them. */
final class TwilioJson {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private TwilioJson() {}

    static JsonObject service(ServiceProfile service, String accountSid, String base) {
        String url = base + "/v2/Services/" + service.sid();
        return Json.createObjectBuilder()
                .add("sid", service.sid())
                .add("account_sid", accountSid)
                .add("friendly_name", service.friendlyName())
                .add("code_length", service.codeLength())
                .add("lookup_enabled", false)
                .add("psd2_enabled", false)
                .add("skip_sms_to_landlines", false)
                .add("dtmf_input_required", false)
                .addNull("tts_name")
                .add("do_not_share_warning_enabled", false)
                .add("custom_code_enabled", false)
                .add("push", Json.createObjectBuilder())
                .add("totp", Json.createObjectBuilder())
                .addNull("default_template_sid")
                .add("whatsapp", Json.createObjectBuilder())
                .add("verify_event_subscription_enabled", false)
                .add("date_created", date(service.createdAt()))
                .add("date_updated", date(service.updatedAt()))
                .add("url", url)
                .add(
                        "links",
                        Json.createObjectBuilder()
                                .add("verifications", url + "/Verifications")
                                .add("verification_checks", url + "/VerificationCheck"))
                .build();
    }

    static JsonObject verification(Verification v, String serviceSid, String accountSid, String base) {
        var attempts = Json.createArrayBuilder();
        v.attempts()
                .forEach(a -> attempts.add(Json.createObjectBuilder()
                        .add("attempt_sid", "VL" + Ids.hex(a.id()).orElseThrow())
                        .add("channel", channel(a.channel()))
                        .add("time", date(a.startedAt()))));
        return core(v, serviceSid, accountSid)
                .add("lookup", Json.createObjectBuilder())
                .add("send_code_attempts", attempts)
                .addNull("sna")
                .add("url", base + "/v2/Services/" + serviceSid + "/Verifications/" + sid(v))
                .build();
    }

    static JsonObject check(Verification v, String serviceSid, String accountSid) {
        return core(v, serviceSid, accountSid)
                .addNull("sna_attempts_error_codes")
                .build();
    }

    static String sid(Verification v) {
        return "VE" + Ids.hex(v.id()).orElseThrow();
    }

    private static JsonObjectBuilder core(Verification v, String serviceSid, String accountSid) {
        return Json.createObjectBuilder()
                .add("sid", sid(v))
                .add("service_sid", serviceSid)
                .add("account_sid", accountSid)
                .add("to", v.phone())
                .add(
                        "channel",
                        v.currentAttempt()
                                .map(Attempt::channel)
                                .map(TwilioJson::channel)
                                .orElse("sms"))
                .add("status", status(v))
                .add("valid", v.status() == VerificationStatus.APPROVED)
                .addNull("amount")
                .addNull("payee")
                .add("date_created", date(v.createdAt()))
                .add("date_updated", date(updated(v)));
    }

    /** Twilio's statuses; a verification whose checks ran out is {@code max_attempts_reached}. */
    static String status(Verification v) {
        if (v.status() == VerificationStatus.FAILED && v.remainingChecks() <= 0) {
            return "max_attempts_reached";
        }
        return v.status().wireName();
    }

    /** Twilio's names: a voice call is {@code call}; a missed call keeps its own (the SDK reads it as null). */
    static String channel(Channel channel) {
        return switch (channel) {
            case SMS -> "sms";
            case VOICE -> "call";
            case MISSED_CALL -> "missed_call";
        };
    }

    private static OffsetDateTime updated(Verification v) {
        if (v.closedAt() != null) {
            return v.closedAt();
        }
        return v.currentAttempt().map(Attempt::startedAt).orElse(v.createdAt());
    }

    private static String date(OffsetDateTime time) {
        return ISO.format(time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }
}
