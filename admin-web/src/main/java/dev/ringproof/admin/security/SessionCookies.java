package dev.ringproof.admin.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The console's session cookie: {@code HttpOnly} (web.xml), {@code SameSite=Strict}, so no
 * other site's page can make a browser send it, and {@code Secure} whenever the request came
 * over TLS (Payara's default for session cookies; behind a TLS-terminating proxy, see
 * docs/security.md).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
    }
}
