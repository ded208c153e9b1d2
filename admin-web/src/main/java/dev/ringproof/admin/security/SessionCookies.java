package dev.ringproof.admin.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's session cookie: {@code HttpOnly}; {@code Secure} whenever the request came over
 * TLS (Payara's default), or always with {@code console.session.secure-cookie=true}, for a
 * server behind a proxy that terminates TLS (Payara then sees plain HTTP: a mapped scheme
 * header does not make a request secure to it). {@code SameSite=Strict} comes from
 * glassfish-web.xml: Payara 6 does not send a {@code SameSite} attribute set here.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    @ConfigProperty(name = "console.session.secure-cookie", defaultValue = "false")
    boolean alwaysSecure;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        if (alwaysSecure) {
            cookie.setSecure(true);
        }
    }
}
