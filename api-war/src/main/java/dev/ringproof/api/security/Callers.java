package dev.ringproof.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource (class) or one of its methods: the roles of {@link ApiRoles}.
 * {@link ResourceGuards} authenticates and checks them after matching. Ours rather than
 * {@code @Callers}: Payara binds its own filter to every {@code @Callers} resource,
 * which checks the container's Jakarta Security caller that this API never sets.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Callers {

    /** The roles, any one of which lets a caller in. */
    String[] value();
}
