package dev.ringproof.admin.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The console's session cookie: {@code HttpOnly}, and {@code Secure} whenever the request
 * came over TLS (Payara's default for session cookies; behind a TLS-terminating proxy, see
 * docs/security.md). {@code SameSite=Strict} comes from glassfish-web.xml: Payara 6 does not
 * send a {@code SameSite} attribute set here.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
    }
}
