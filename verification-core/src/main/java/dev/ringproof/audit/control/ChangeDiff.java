package dev.ringproof.audit.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two snapshots of an entity, as the audit trail keeps it:
 * {@code {"field": {"from": …, "to": …}}} for each field that differs, {@code {"changed": true}}
 * for a concealed one, and the arguments a call names in {@code {"to": …}}.
 */
public final class ChangeDiff {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final JsonObjectBuilder changes = JSON.createObjectBuilder();
    private int count;
    private int significant;

    public static ChangeDiff between(EntitySnapshot before, EntitySnapshot after) {
        var diff = new ChangeDiff();
        var names = new TreeSet<>(before.fields().keySet());
        names.addAll(after.fields().keySet());
        for (String name : names) {
            Object from = before.fields().get(name);
            Object to = after.fields().get(name);
            if (Objects.equals(from, to)) {
                continue;
            }
            diff.count++;
            if (before.fields().containsKey(name) || !(to == null || Boolean.FALSE.equals(to))) {
                diff.significant++;
            }
            if (EntitySnapshot.isConcealed(name)) {
                diff.changes.add(name, JSON.createObjectBuilder().add("changed", true));
            } else {
                diff.changes.add(
                        name, JSON.createObjectBuilder().add("from", json(from)).add("to", json(to)));
            }
        }
        return diff;
    }

    /** A value the call was given, not a field of its target. */
    public ChangeDiff with(String name, Object value) {
        count++;
        significant++;
        changes.add(name, JSON.createObjectBuilder().add("to", json(value)));
        return this;
    }

    /** Fields and values as they are, for entries written without a before and after (sign-ins, erasures). */
    public static ChangeDiff of(Map<String, ?> values) {
        var diff = new ChangeDiff();
        values.forEach(diff::with);
        return diff;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * Whether nothing but defaults appeared: a row a call made as a side effect (a tenant's empty
     * webhook endpoint) with every field null or false.
     */
    public boolean onlyDefaults() {
        return significant == 0;
    }

    public JsonObject json() {
        return changes.build();
    }

    private static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer i) {
            return JSON.createValue(i);
        }
        if (value instanceof Long l) {
            return JSON.createValue(l);
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            items.forEach(item -> array.add(json(item)));
            return array.build();
        }
        return JSON.createValue(String.valueOf(value));
    }
}
