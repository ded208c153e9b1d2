package dev.ringproof.api.json;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.boundary.Refusal.FieldProblem;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, strict reading of a JSON request object: unknown members, wrong JSON types,
 * over-long strings and invisible control characters are collected as field errors
 * and refused together with 400 {@code invalid_request}.
 */
public final class Fields {

    private final JsonObject json;
    private final List<FieldProblem> problems = new ArrayList<>();

    private Fields(JsonObject json, Set<String> allowed) {
        this.json = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
        this.json.keySet().stream()
                .filter(k -> !allowed.contains(k))
                .sorted()
                .forEach(k -> problems.add(new FieldProblem(printable(k), "unknown field")));
    }

    public static Fields of(JsonObject json, String... allowed) {
        return new Fields(json, Set.of(allowed));
    }

    public boolean has(String name) {
        return json.containsKey(name);
    }

    public String requiredString(String name, int maxLength) {
        if (!json.containsKey(name) || json.isNull(name)) {
            problems.add(new FieldProblem(name, "is required"));
            return null;
        }
        return optionalString(name, maxLength).orElse(null);
    }

    public Optional<String> optionalString(String name, int maxLength) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString string)) {
            problems.add(new FieldProblem(name, "must be a string"));
            return Optional.empty();
        }
        return checkedText(name, string.getString(), maxLength);
    }

    public Optional<Integer> optionalInt(String name, int min, int max) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number)
                || !number.isIntegral()
                || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
            return Optional.empty();
        }
        return Optional.of(number.intValue());
    }

    public Optional<Boolean> optionalBoolean(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            problems.add(new FieldProblem(name, "must be true or false"));
            return Optional.empty();
        }
        return Optional.of(value == JsonValue.TRUE);
    }

    public Optional<List<String>> optionalStringList(String name, int maxItems, int maxLength) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array) || array.size() > maxItems) {
            problems.add(new FieldProblem(name, "must be a list of at most " + maxItems + " strings"));
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString string)) {
                problems.add(new FieldProblem(name + "[" + i + "]", "must be a string"));
                return Optional.empty();
            }
            checkedText(name + "[" + i + "]", string.getString(), maxLength).ifPresent(items::add);
        }
        return Optional.of(items);
    }

    /** An object of whole numbers, e.g. {@code fallback_after_seconds}. */
    public Optional<Map<String, Integer>> optionalIntMap(String name, Set<String> keys, int min, int max) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject object)) {
            problems.add(new FieldProblem(name, "must be an object"));
            return Optional.empty();
        }
        var inner = new Fields(object, keys);
        Map<String, Integer> result = new LinkedHashMap<>();
        for (String key : object.keySet()) {
            if (keys.contains(key)) {
                inner.optionalInt(key, min, max).ifPresent(v -> result.put(key, v));
            }
        }
        inner.problems.forEach(p -> problems.add(new FieldProblem(name + "." + p.field(), p.message())));
        return Optional.of(result);
    }

    public void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** Throws the collected problems, if any, as one 400 refusal. */
    public void requireValid() {
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Reason.INVALID_REQUEST, "See errors for what to correct.", problems);
        }
    }

    private Optional<String> checkedText(String field, String text, int maxLength) {
        if (text.codePointCount(0, text.length()) > maxLength) {
            problems.add(new FieldProblem(field, "must have at most " + maxLength + " characters"));
            return Optional.empty();
        }
        if (text.codePoints().anyMatch(Fields::isInvisibleControl)) {
            problems.add(new FieldProblem(field, "must not contain control or invisible formatting characters"));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** C0/C1 controls, and format characters such as zero-width spaces, bidi overrides and the BOM. */
    static boolean isInvisibleControl(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
    }

    private static String printable(String name) {
        String cleaned = name.codePoints()
                .filter(c -> !isInvisibleControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
