package dev.ringproof.admin.security;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import java.io.Serializable;

/**
 * Re-establishes a signed-in console session's caller and roles on every request, from the
 * {@link ConsoleCaller} the session holds, instead of leaving it to the container.
 * <p>
 * The console's form mechanism ({@link ConsoleSecurity}) has Jakarta Security's automatic
 * session: after sign-in, each request hands the container the principal it keeps in the
 * session, and Payara reuses that principal's Subject, groups included, only while the Subject
 * still has its public credentials. Those are not serializable: a session that reaches an
 * instance in serialized form (the survivor of a deployment group when the instance that had
 * it dies; a redeploy with {@code --keepstate}) still names its caller, but Payara then rebuilds
 * the caller from the name alone against its default realm, without a role, and every console
 * page answers 403. Telling the container the caller and groups from the session attribute works
 * the same wherever the session is.
 * <p>
 * Bound to {@link AutoApplySession}, the interceptor binding the form mechanism carries, and
 * ordered just before Jakarta Security's own interceptor for it (priority 200), so it decides
 * first. A request that signs in ({@code SecurityContext.authenticate}) and a session without
 * the attribute go through the mechanism as before. Whether the account still admits the
 * session (disabled, password or roles changed: a new session version) {@link SessionGuard}
 * asks the database on every request, as it does for any signed-in session.
 */
@Interceptor
@AutoApplySession
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 190)
public class ConsoleSessionRestore implements Serializable {

    private static final long serialVersionUID = 1L;

    @AroundInvoke
    public Object restore(InvocationContext invocation) throws Exception {
        Object[] parameters = invocation.getParameters();
        if (!"validateRequest".equals(invocation.getMethod().getName())
                || parameters.length != 3
                || !(parameters[2] instanceof HttpMessageContext context)
                || context.isAuthenticationRequest()) {
            return invocation.proceed();
        }
        var session = context.getRequest().getSession(false);
        if (session != null && session.getAttribute(ConsoleCaller.ATTRIBUTE) instanceof ConsoleCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        return invocation.proceed();
    }
}
