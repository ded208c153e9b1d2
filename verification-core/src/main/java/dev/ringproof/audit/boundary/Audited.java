package dev.ringproof.audit.boundary;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A boundary method that changes something an auditor asks about: {@link AuditedChanges}
 * writes who called it and the fields of {@link #target()} it changed to the audit trail, in
 * the method's transaction (a refused or failed call leaves no entry, as it left no change).
 */
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** {@link #id()} for a method that creates its target: it is found in what the method returns. */
    int RESULT = -1;

    /** What happened, {@code <thing>.<verb>}: {@code tenant.update}, {@code api_key.revoke}. */
    @Nonbinding
    String action() default "";

    /** The entity class whose fields are compared before and after the call. */
    @Nonbinding
    Class<?> target() default Object.class;

    /** Which parameter holds the target's id, or {@link #RESULT}. */
    @Nonbinding
    int id() default 0;

    /**
     * Parameters recorded as they were passed, by position ("" skips one): what a call adds
     * that is not a field of the target (the ranges added to a pool). Never name a secret.
     */
    @Nonbinding
    String[] arguments() default {};

    /** Ringproof acts on its own here (the fraud guard), whoever's request set it off. */
    @Nonbinding
    boolean bySystem() default false;
}
