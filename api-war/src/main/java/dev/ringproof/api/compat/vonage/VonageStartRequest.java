package dev.ringproof.api.compat.vonage;

import dev.ringproof.api.json.Fields;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.verification.boundary.StartCommand;
import dev.ringproof.verification.entity.Verification;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of Vonage's {@code POST /v2/verify}, read strictly into a start: {@code workflow[]}
 * becomes the verification's channels (in order), {@code brand} the name its texts show,
 * {@code code_length} its OTP length, {@code client_ref} its reference. What Vonage has and
 * Ringproof does not (other channels, a code of the caller's choosing) is refused, never ignored.
 */
final class VonageStartRequest {

    static final Set<String> CHANNELS = Set.of("sms", "voice", "missed_call");
    private static final Set<String> VONAGE_ONLY = Set.of("silent_auth", "whatsapp", "whatsapp_interactive", "email");
    private static final Pattern TO = Pattern.compile("\\+?[1-9][0-9]{6,14}");
    private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?");

    private VonageStartRequest() {}

    static StartCommand read(JsonObject body, String remoteAddress) {
        var fields = Fields.of(
                body,
                "brand",
                "workflow",
                "locale",
                "channel_timeout",
                "code_length",
                "client_ref",
                "code",
                "fraud_check",
                "template_id");
        String brand = fields.requiredString("brand", 16);
        if (brand != null && brand.isBlank()) {
            fields.problem("brand", "must not be blank");
        }
        String locale = fields.optionalString("locale", 16).orElse(null);
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            fields.problem("locale", "must be a locale such as en-us");
        }
        fields.optionalInt("channel_timeout", 15, 900);
        Integer codeLength = fields.optionalInt("code_length", 4, 10).orElse(null);
        String reference = fields.optionalString("client_ref", 40).orElse(null);
        if (fields.has("code")) {
            fields.problem("code", "custom codes are not supported: Ringproof draws every code");
        }
        if (fields.has("template_id")) {
            fields.problem("template_id", "templates are not supported");
        }
        fields.optionalBoolean("fraud_check");
        var phones = new ArrayList<String>();
        var channels = workflow(body, fields, phones);
        if (phones.stream().distinct().count() > 1) {
            fields.problem("workflow", "every channel must go to the same number");
        }
        fields.requireValid();
        return new StartCommand(
                "+" + phones.get(0).replaceFirst("^\\+", ""),
                channels,
                locale == null ? null : locale.replace('_', '-'),
                reference,
                null,
                remoteAddress,
                new Verification.Presentation(VonageVerifyResource.DOOR, brand.strip(), codeLength));
    }

    private static List<String> workflow(JsonObject body, Fields fields, List<String> phones) {
        JsonValue value = body == null ? null : body.get("workflow");
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > 3) {
            fields.problem("workflow", "must be a list of one to three workflows");
            return List.of();
        }
        var channels = new ArrayList<String>();
        for (int i = 0; i < array.size(); i++) {
            String at = "workflow[" + i + "]";
            if (!(array.get(i) instanceof JsonObject step)) {
                fields.problem(at, "must be an object");
                continue;
            }
            var inner = Fields.of(step, "channel", "to", "from", "app_hash", "entity_id", "content_id");
            String channel = inner.requiredString("channel", 32);
            String to = inner.requiredString("to", 16);
            inner.optionalString("from", 32);
            inner.optionalString("app_hash", 16);
            inner.optionalString("entity_id", 64);
            inner.optionalString("content_id", 64);
            try {
                inner.requireValid();
            } catch (Refusal refusal) {
                refusal.fieldProblems().forEach(p -> fields.problem(at + "." + p.field(), p.message()));
                continue;
            }
            if (VONAGE_ONLY.contains(channel)) {
                fields.problem(
                        at + ".channel",
                        "the channel '" + channel + "' is not supported: use sms, voice or missed_call");
            } else if (!CHANNELS.contains(channel)) {
                fields.problem(at + ".channel", "must be sms, voice or missed_call");
            } else if (channels.contains(channel)) {
                fields.problem(at + ".channel", "lists '" + channel + "' twice");
            } else {
                channels.add(channel);
            }
            if (!TO.matcher(to).matches()) {
                fields.problem(at + ".to", "must be a number in E.164 format without the leading +");
            } else {
                phones.add(to.replaceFirst("^\\+", ""));
            }
        }
        return channels;
    }
}
