package dev.ringproof.audit.control;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;
import java.lang.reflect.Field;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The persistent fields of one entity at one moment, as the JPA metamodel lists them
 * (embedded values flattened, collections as sorted lists, the id and version left out), named in
 * snake case as the API names fields. Enough to say what a call changed without a list of
 * fields per entity that would fall behind the entities.
 */
public final class EntitySnapshot {

    /** Fields whose values never go to the trail, only that they changed. */
    private static final Pattern CONCEALED =
            Pattern.compile("(?i).*(secret|hash|password|token|payload|seal|cipher).*");

    /** No entity: before a create, after a delete. */
    public static final EntitySnapshot NONE = new EntitySnapshot(Map.of());

    private final Map<String, Object> fields;

    private EntitySnapshot(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static EntitySnapshot of(Metamodel metamodel, Object entity) {
        if (entity == null) {
            return NONE;
        }
        var fields = new TreeMap<String, Object>();
        read(metamodel, metamodel.managedType(entity.getClass()), entity, "", fields);
        return new EntitySnapshot(fields);
    }

    public Map<String, Object> fields() {
        return fields;
    }

    public static boolean isConcealed(String field) {
        return CONCEALED.matcher(field).matches();
    }

    private static void read(
            Metamodel metamodel, ManagedType<?> type, Object value, String prefix, Map<String, Object> into) {
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            if (attribute instanceof SingularAttribute<?, ?> single && (single.isVersion() || single.isId())) {
                continue; // the id is the entry's target id
            }
            Object field = valueOf(attribute, value);
            String name = prefix + snake(attribute.getName());
            if (attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.EMBEDDED) {
                if (field != null) {
                    read(metamodel, metamodel.embeddable(attribute.getJavaType()), field, name + ".", into);
                }
            } else {
                into.put(name, plain(field));
            }
        }
    }

    private static Object valueOf(Attribute<?, ?> attribute, Object owner) {
        if (!(attribute.getJavaMember() instanceof Field field)) {
            return null;
        }
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** Strings, numbers and booleans as they are; times, enums and the rest as text; collections sorted. */
    private static Object plain(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long) {
            return value;
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream()
                    .map(EntitySnapshot::plain)
                    .map(String::valueOf)
                    .sorted()
                    .toList();
        }
        return value.toString();
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
