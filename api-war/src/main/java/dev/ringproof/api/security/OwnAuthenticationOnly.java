package dev.ringproof.api.security;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Takes the console's sign-in mechanism off the API. Jakarta Security registers the console's
 * form mechanism for every web module of the application, this one too, although the API
 * authenticates each request itself ({@link ResourceGuard}) and has no container security: on
 * every API request the container then ran that mechanism before and after the resource, each
 * time looking up a bean manager by a JNDI name that fails (an exception a request): a fifteenth
 * of a start's CPU on the request's thread (Flight Recorder). The
 * registration for this module's context is removed once the module has started; the console
 * keeps its own.
 */
@WebListener
public class OwnAuthenticationOnly implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(OwnAuthenticationOnly.class.getName());

    /** The message layer of a servlet container's authentication modules (Jakarta Authentication). */
    private static final String SERVLET_LAYER = "HttpServlet";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var context = event.getServletContext();
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        var factory = AuthConfigFactory.getFactory();
        if (factory == null) {
            return;
        }
        for (String id : factory.getRegistrationIDs(null)) {
            var registration = factory.getRegistrationContext(id);
            if (registration != null
                    && SERVLET_LAYER.equals(registration.getMessageLayer())
                    && appContext.equals(registration.getAppContext())
                    && factory.removeRegistration(id)) {
                LOG.fine(() -> "Removed the authentication module registered for " + appContext);
            }
        }
    }
}
