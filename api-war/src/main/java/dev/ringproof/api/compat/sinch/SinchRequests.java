package dev.ringproof.api.compat.sinch;

import dev.ringproof.api.json.Fields;
import dev.ringproof.api.verification.CodeInput;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.verification.boundary.StartCommand;
import dev.ringproof.verification.entity.Verification;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bodies Sinch's SDKs send, read strictly: a member Sinch does not define here, or one this
 * door does not serve, is a 400 (Sinch's 40001) naming it, and nothing starts.
 */
final class SinchRequests {

    static final String DOOR = "sinch";
    static final int MAX_REFERENCE = 200;
    static final int MAX_CUSTOM = 4096;
    private static final Pattern CLI = Pattern.compile("\\+[0-9]{4,20}");

    private SinchRequests() {}

    /** A start: what to verify, how, and the interception timeout asked for (null: none asked). */
    record Start(StartCommand command, SinchMethod method, Integer interceptionTimeout) {}

    static Start start(JsonObject body, String remoteAddress) {
        var fields = Fields.of(body, "identity", "method", "reference", "custom", "flashCallOptions");
        String methodName = fields.requiredString("method", 16);
        String reference = fields.optionalString("reference", MAX_REFERENCE).orElse(null);
        // Sinch hands custom back in its callbacks; Ringproof has no such callback, so it is read and dropped
        fields.optionalString("custom", MAX_CUSTOM);
        String endpoint = null;
        var identity = object(body, "identity", fields);
        if (identity == null) {
            if (!body.containsKey("identity")) {
                fields.problem("identity", "is required");
            }
        } else {
            onlyMembers(identity, "identity", fields, "type", "endpoint");
            String type = string(identity, "identity", "type", 16, fields);
            if (type != null && !type.equals("number")) {
                fields.problem("identity.type", "must be number");
            }
            endpoint = string(identity, "identity", "endpoint", 64, fields);
            if (endpoint == null && !identity.containsKey("endpoint")) {
                fields.problem("identity.endpoint", "is required");
            }
        }
        SinchMethod method = methodName == null ? null : method("method", methodName, fields);
        Integer interceptionTimeout = null;
        var options = object(body, "flashCallOptions", fields);
        if (options != null) {
            onlyMembers(options, "flashCallOptions", fields, "dialTimeout", "interceptionTimeout");
            whole(options, "flashCallOptions", "dialTimeout", 1, 3600, fields);
            interceptionTimeout = whole(options, "flashCallOptions", "interceptionTimeout", 1, 3600, fields);
            if (method != null && method != SinchMethod.FLASHCALL) {
                fields.problem("flashCallOptions", "is for the flashcall method only");
            }
        }
        fields.requireValid();
        var command = new StartCommand(
                endpoint,
                List.of(method.channel().wireName()),
                null,
                reference,
                null,
                remoteAddress,
                new Verification.Presentation(DOOR, null, null));
        return new Start(command, method, interceptionTimeout);
    }

    /** A report's method and its code, normalised: the whole CLI of a flash call, or the digits of a code. */
    record Report(SinchMethod method, String code) {}

    static Report report(JsonObject body) {
        var fields = Fields.of(body, "method", "flashCall", "flashcall", "sms", "callout");
        String methodName = fields.requiredString("method", 16);
        SinchMethod method = methodName == null ? null : method("method", methodName, fields);
        String value = null;
        String where = null;
        if (method == SinchMethod.FLASHCALL) {
            String member = body.containsKey("flashCall") ? "flashCall" : "flashcall";
            where = member + ".cli";
            var flashCall = required(body, member, fields);
            if (flashCall != null) {
                onlyMembers(flashCall, member, fields, "cli");
                value = string(flashCall, member, "cli", 32, fields);
                if (value == null && !flashCall.containsKey("cli")) {
                    fields.problem(where, "is required");
                } else if (value != null && !CLI.matcher(value).matches()) {
                    fields.problem(where, "must be the whole calling number in E.164, such as +442079460123");
                }
            }
        } else if (method != null) {
            String member = method.wireName();
            where = member + ".code";
            var report = required(body, member, fields);
            if (report != null) {
                onlyMembers(report, member, fields, "code", "cli");
                value = string(report, member, "code", 20, fields);
                string(report, member, "cli", 32, fields);
                if (value == null && !report.containsKey("code")) {
                    fields.problem(where, "is required");
                }
            }
        }
        fields.requireValid();
        try {
            return new Report(method, CodeInput.normalise(value));
        } catch (Refusal refusal) {
            throw Refusal.invalid(where, "must be the code's digits, or the whole calling number in E.164");
        }
    }

    private static SinchMethod method(String field, String name, Fields fields) {
        var method = Arrays.stream(SinchMethod.values())
                .filter(m -> m.wireName().equalsIgnoreCase(name))
                .findFirst();
        if (method.isEmpty()) {
            fields.problem(field, "must be flashcall, sms or callout");
        }
        return method.orElse(null);
    }

    private static JsonObject required(JsonObject body, String name, Fields fields) {
        var object = object(body, name, fields);
        if (object == null && !body.containsKey(name)) {
            fields.problem(name, "is required for this method");
        }
        return object;
    }

    private static JsonObject object(JsonObject body, String name, Fields fields) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            fields.problem(name, "must be an object");
            return null;
        }
        return object;
    }

    private static void onlyMembers(JsonObject object, String parent, Fields fields, String... names) {
        var allowed = Set.of(names);
        object.keySet().stream()
                .filter(k -> !allowed.contains(k))
                .sorted()
                .forEach(k -> fields.problem(parent + "." + printable(k), "unknown field"));
    }

    private static String string(JsonObject object, String parent, String name, int maxLength, Fields fields) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            fields.problem(parent + "." + name, "must be a string");
            return null;
        }
        String text = string.getString();
        if (text.isEmpty() || text.length() > maxLength || !text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            fields.problem(parent + "." + name, "must be 1 to " + maxLength + " printable characters");
            return null;
        }
        return text;
    }

    private static Integer whole(JsonObject object, String parent, String name, int min, int max, Fields fields) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)
                || !number.isIntegral()
                || number.doubleValue() < min
                || number.doubleValue() > max) {
            fields.problem(parent + "." + name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return number.intValue();
    }

    /** A member name as it may be echoed: at most 40 printable ASCII characters. */
    private static String printable(String name) {
        var out = new StringBuilder();
        name.codePoints().limit(40).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return out.toString();
    }
}
