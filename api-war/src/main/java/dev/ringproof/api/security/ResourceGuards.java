package dev.ringproof.api.security;

import dev.ringproof.api.compat.CompatAuthentication;
import dev.ringproof.api.compat.CompatDoor;
import dev.ringproof.api.compat.VonageAuthentication;
import dev.ringproof.api.tenant.TenantAuthentication;
import dev.ringproof.audit.boundary.CurrentActor;
import dev.ringproof.tenant.boundary.ApiKeys;
import dev.ringproof.tenant.boundary.VonageApplications;
import dev.ringproof.user.boundary.ConsoleUsers;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Binds authentication and the role check to each resource method after it was matched,
 * from what the resource itself declares, so no spelling of a path (matrix parameters, dot
 * segments, encoded characters) can reach a method without them:
 * <ul>
 * <li>{@code @Callers("tenant")}: the caller's api key ({@link TenantAuthentication}),
 * then the role ({@link ResourceGuard}); a publishable key holds the role {@code publishable}
 * only, so it passes only where a method names that role too;</li>
 * <li>{@code @Callers("admin"|"billing")}: a console user over HTTP Basic, cross-site
 * writes refused ({@link ConsoleAuthentication}), then the roles ({@link ResourceGuard});</li>
 * <li>{@code @Callers("tenant")} on a {@code @CompatDoor} resource: HTTP Basic with the account
 * SID and a whole api key ({@link CompatAuthentication}), at the Vonage door also a JWT of a
 * registered Vonage application ({@link VonageAuthentication});</li>
 * <li>{@code @AnyCaller}: nothing (the method checks what it needs, e.g. a carrier's signature);</li>
 * <li>neither: closed to everyone ({@link Unguarded}).</li>
 * </ul>
 */
@Provider
public class ResourceGuards implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(ResourceGuards.class.getName());

    @EJB
    ApiKeys apiKeys;

    @EJB
    ConsoleUsers users;

    /** Who the audit trail names for what this request changes. */
    @Inject
    CurrentActor actor;

    @EJB
    VonageApplications vonageApplications;

    /** A proxy to the request being served, for the address sign-ins are throttled by. */
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        Callers roles = method.isAnnotationPresent(Callers.class)
                ? method.getAnnotation(Callers.class)
                : method.isAnnotationPresent(AnyCaller.class) ? null : type.getAnnotation(Callers.class);
        if (roles == null) {
            if (!method.isAnnotationPresent(AnyCaller.class) && !type.isAnnotationPresent(AnyCaller.class)) {
                // Jersey's own resources (WADL) land here too; only ours deserve a warning
                LOG.log(
                        type.getName().startsWith("dev.ringproof.") ? Level.SEVERE : Level.FINE,
                        () -> type.getSimpleName() + "." + method.getName()
                                + " declares neither @Callers nor @AnyCaller: closed to every caller");
                context.register(new Unguarded());
            }
            return;
        }
        Set<String> allowed = Set.of(roles.value());
        context.register(new ResourceGuard(authentication(type, allowed), allowed, actor, servletRequest));
    }

    private Authentication authentication(Class<?> type, Set<String> allowed) {
        if (!allowed.contains(ApiRoles.TENANT) && !allowed.contains(ApiRoles.PUBLISHABLE)) {
            return new ConsoleAuthentication(users, servletRequest);
        }
        var door = type.getAnnotation(CompatDoor.class);
        if (door == null) {
            return new TenantAuthentication(apiKeys);
        }
        // Vonage's SDKs sign a JWT per request when the tenant registered an application
        return "vonage".equals(door.value())
                ? new VonageAuthentication(new CompatAuthentication(apiKeys), vonageApplications)
                : new CompatAuthentication(apiKeys);
    }
}
