package dev.ringproof.audit.boundary;

import dev.ringproof.audit.control.ChangeDiff;
import dev.ringproof.audit.entity.Actor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.Table;
import java.lang.reflect.RecordComponent;
import java.util.Deque;

/**
 * The one place the audit trail is written for {@link Audited} methods: reads the target
 * before the call and after it, in the call's own transaction and persistence context, and
 * records the difference with the current actor. A call made by another audited call of the
 * same transaction adds an entry only when it changed another thing than its caller's target
 * and changed more than defaults (a tenant's update passes its webhook URL on, mostly
 * unchanged; a new tenant gets an empty webhook endpoint).
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedChanges {

    private static final String OPEN_TARGETS = AuditedChanges.class.getName() + ".targets";

    /** Also the interceptor's way to the persistence context and the transaction: interceptors get no resources injected on Payara. */
    @Inject
    AuditTrail trail;

    @Inject
    CurrentActor current;

    @AroundInvoke
    public Object record(InvocationContext call) throws Exception {
        Audited audited = call.getMethod().getAnnotation(Audited.class);
        if (audited == null || audited.action().isEmpty() || !trail.inTransaction()) {
            return call.proceed();
        }
        Class<?> type = audited.target();
        String id = audited.id() == Audited.RESULT ? null : idOf(call.getParameters()[audited.id()]);
        Object before = id == null ? null : trail.find(type, id);
        var snapshot = trail.snapshot(before);
        String key = type.getName() + " " + id;
        Deque<String> open = trail.openTargets();
        boolean nested = !open.isEmpty();
        if (nested && id != null && open.contains(key)) {
            return call.proceed();
        }
        open.push(key);
        Object result;
        try {
            result = call.proceed();
        } finally {
            open.pop();
        }
        Object after = before != null
                ? (trail.isManaged(before) ? before : null)
                : id != null ? trail.find(type, id) : targetIn(result, type);
        var diff = ChangeDiff.between(snapshot, trail.snapshot(after));
        var arguments = audited.arguments();
        for (int i = 0; i < arguments.length && i < call.getParameters().length; i++) {
            if (!arguments[i].isEmpty()) {
                diff.with(arguments[i], call.getParameters()[i]);
            }
        }
        if (!nested || !diff.onlyDefaults()) {
            String targetId = id != null ? id : after == null ? null : idOf(trail.idOf(after));
            trail.write(actor(audited), audited.action(), tableOf(type), targetId, diff);
        }
        return result;
    }

    private Actor actor(Audited audited) {
        if (audited.bySystem()) {
            return Actor.SYSTEM;
        }
        try {
            return current.actor();
        } catch (ContextNotActiveException e) {
            return Actor.SYSTEM;
        }
    }

    /** The target in what a creating method returns: the entity itself, or a record holding it. */
    private static Object targetIn(Object result, Class<?> type) throws ReflectiveOperationException {
        if (type.isInstance(result)) {
            return result;
        }
        if (result != null && result.getClass().isRecord()) {
            for (RecordComponent component : result.getClass().getRecordComponents()) {
                Object value = component.getAccessor().invoke(result);
                if (type.isInstance(value)) {
                    return value;
                }
            }
        }
        return null;
    }

    private static String idOf(Object id) {
        return id == null ? null : id.toString();
    }

    private static String tableOf(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        return table == null ? type.getSimpleName() : table.name();
    }
}
