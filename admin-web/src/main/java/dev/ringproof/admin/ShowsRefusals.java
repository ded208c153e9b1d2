package dev.ringproof.admin;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A page action whose domain refusals are shown on the page, by {@link RefusalsShown}: each
 * field problem next to the input {@link #value()} names for it, anything else at the top.
 * On an action returning an outcome, a refusal keeps the user on the page.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE}) // TYPE only for the interceptor class: on a bean, bind actions one by one
public @interface ShowsRefusals {

    /** The inputs of the domain's field names (the names the API uses); a field not listed is shown at the top. */
    @Nonbinding
    Input[] value() default {};

    /** For a page's view action that loads its subject (?id=): a refusal means there is none, the console's 404. */
    @Nonbinding
    boolean notFound() default false;

    /** A domain field name and the client id of the input where its problems are shown. */
    @Retention(RUNTIME)
    @Target({})
    @interface Input {

        String field();

        String id();
    }
}
