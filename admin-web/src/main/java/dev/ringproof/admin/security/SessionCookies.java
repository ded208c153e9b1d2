package dev.ringproof.admin.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The console's session cookie: {@code HttpOnly}, and {@code Secure} whenever the request
 * came over TLS (Payara's default for session cookies; behind a TLS-terminating proxy, see
 * docs/security.md). A {@code SameSite} attribute set here is not sent by Payara 6.2025.9
 * (browsers then treat the cookie as {@code Lax}); {@code Strict} is still open.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
    }
}
