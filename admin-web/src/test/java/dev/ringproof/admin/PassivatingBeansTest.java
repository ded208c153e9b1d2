package dev.ringproof.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.NormalScope;
import jakarta.inject.Inject;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Beans of a passivating scope (session, view, conversation) are written out when the server
 * passivates or replicates sessions, and the view state of a page with them: each must be
 * serializable all the way down. A JPA entity is not kept there (it is detached and stale by the
 * next request): such a bean keeps ids, or serializable values made for the page.
 */
class PassivatingBeansTest {

    /** The collections whose every implementation the console uses (List.of, toList, ArrayList...) is serializable. */
    private static final Set<Class<?>> SERIALIZABLE_COLLECTIONS =
            Set.of(List.class, Set.class, Map.class, Collection.class);

    private final List<Class<?>> beans = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.ringproof.admin")
                    .stream()
                    .map(JavaClass::reflect)
                    .filter(PassivatingBeansTest::hasPassivatingScope)
                    .toList();

    @Test
    void theConsoleHasViewScopedBeansToCheck() {
        assertThat(beans)
                .extracting(Class::getSimpleName)
                .contains("ListVerificationsBacking", "UsageReportBacking", "TenantWebhookBacking");
    }

    @Test
    void everyPassivatingBeanIsSerializableAllTheWayDown() {
        List<String> problems = new ArrayList<>();
        for (var bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getSimpleName() + " is not Serializable");
            }
            for (var field : instanceFields(bean)) {
                String where = bean.getSimpleName() + "." + field.getName();
                if (isInjected(field)) {
                    if (!isPassivationCapableReference(field.getType())) {
                        problems.add(where + ": injects " + field.getType().getName()
                                + ", neither a normal-scoped bean, an EJB nor Serializable");
                    }
                } else {
                    checkValue(field.getGenericType(), where, problems, new HashSet<>());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aFreshBeanOfEachPassivatingScopeSurvivesSerialization() throws Exception {
        for (var bean : beans) {
            var constructor = bean.getDeclaredConstructor();
            constructor.setAccessible(true);
            var copy = roundTrip(constructor.newInstance());
            assertThat(copy).as(bean.getSimpleName()).isInstanceOf(bean);
        }
    }

    /** A value the page keeps must be serializable, and so must what it holds. */
    private static void checkValue(Type type, String where, List<String> problems, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            checkValue(parameterized.getRawType(), where, problems, seen);
            for (var argument : parameterized.getActualTypeArguments()) {
                checkValue(argument, where, problems, seen);
            }
        } else if (type instanceof GenericArrayType array) {
            checkValue(array.getGenericComponentType(), where, problems, seen);
        } else if (type instanceof WildcardType wildcard) {
            Arrays.stream(wildcard.getUpperBounds()).forEach(bound -> checkValue(bound, where, problems, seen));
        } else if (type instanceof Class<?> cls) {
            checkClass(cls, where, problems, seen);
        } else {
            problems.add(where + ": holds a " + type + ", whose serializability cannot be told");
        }
    }

    private static void checkClass(Class<?> cls, String where, List<String> problems, Set<Type> seen) {
        if (cls.isPrimitive() || SERIALIZABLE_COLLECTIONS.contains(cls)) {
            return;
        }
        if (cls.isArray()) {
            checkValue(cls.getComponentType(), where, problems, seen);
        } else if (cls.isAnnotationPresent(Entity.class) || cls.isAnnotationPresent(Embeddable.class)) {
            problems.add(where + ": holds the JPA entity " + cls.getSimpleName() + "; keep its id or a value");
        } else if (!Serializable.class.isAssignableFrom(cls)) {
            problems.add(where + ": holds a " + cls.getName() + ", which is not Serializable");
        } else if (cls.getName().startsWith("dev.ringproof.")) {
            // the project's own values: what they hold is written out too (the JDK's are trusted)
            for (var field : instanceFields(cls)) {
                checkValue(
                        field.getGenericType(),
                        where + " → " + cls.getSimpleName() + "." + field.getName(),
                        problems,
                        seen);
            }
        }
    }

    private static boolean hasPassivatingScope(Class<?> cls) {
        return Arrays.stream(cls.getAnnotations())
                .map(Annotation::annotationType)
                .map(scope -> scope.getAnnotation(NormalScope.class))
                .anyMatch(normal -> normal != null && normal.passivating());
    }

    private static boolean isInjected(Field field) {
        return field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class);
    }

    /** What the container injects as a serializable stand-in: a client proxy or an EJB reference. */
    private static boolean isPassivationCapableReference(Class<?> type) {
        Predicate<Class<? extends Annotation>> annotated = type::isAnnotationPresent;
        boolean normalScoped = Arrays.stream(type.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(NormalScope.class));
        return normalScoped
                || annotated.test(Stateless.class)
                || annotated.test(Singleton.class)
                || annotated.test(Stateful.class)
                || Serializable.class.isAssignableFrom(type);
    }

    private static List<Field> instanceFields(Class<?> cls) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                    .filter(f -> !f.isSynthetic())
                    .forEach(fields::add);
        }
        return fields;
    }

    private static Object roundTrip(Object bean) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(bean);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
