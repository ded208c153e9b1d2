package dev.ringproof.admin.security;

import dev.ringproof.user.boundary.ConsoleUsers;
import dev.ringproof.user.entity.SessionState;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Jakarta Security keeps a signed-in caller in the session, so on every request of a signed-in
 * session this asks the database whether that account still admits it: a session signed in
 * before the account was disabled or its password or roles changed ends here, on whichever
 * node it lands (its browser goes to the login page, ajax polls included). A user who must set
 * their own password first is sent to My account. A session is also signed out after the idle
 * timeout without a user action (the dashboard's poll does not count) and after its maximum
 * lifetime ({@link SessionLifetime}).
 */
@WebFilter(filterName = "sessionGuard", urlPatterns = "/*")
public class SessionGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The session attribute holding the account's session version at sign-in. */
    public static final String SESSION_VERSION = "ringproof.session-version";

    static final String ACCOUNT_PAGE = "/account/index.xhtml";
    static final String LOGIN_PAGE = "/login.xhtml";

    /** What to do with a request. */
    enum Verdict {
        PASS,
        SIGN_OUT,
        SET_PASSWORD_FIRST
    }

    @EJB
    ConsoleUsers users;

    /** Idle time without a user action after which a session ends (the dashboard's poll is no action). */
    @Inject
    @ConfigProperty(name = "console.session.idle-timeout", defaultValue = "PT15M")
    Duration idleTimeout;

    /** How long a session lives at most after sign-in, whatever happens in it. */
    @Inject
    @ConfigProperty(name = "console.session.max-lifetime", defaultValue = "PT8H")
    Duration maxLifetime;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String caller = request.getRemoteUser();
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        var session = request.getSession(false);
        Object signedIn = session == null ? null : session.getAttribute(SESSION_VERSION);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long now = System.currentTimeMillis();
        boolean timedOut = session != null
                && new SessionLifetime(idleTimeout, maxLifetime)
                        .over(session.getCreationTime(), (Long) session.getAttribute(SessionLifetime.LAST_ACTION), now);
        if (timedOut) {
            signedIn = null; // signed out like a session the account no longer admits
        } else if (session != null
                && !("partial/ajax".equals(request.getHeader("Faces-Request"))
                        && SessionLifetime.isBackgroundPoll(request.getParameter("jakarta.faces.source")))) {
            session.setAttribute(SessionLifetime.LAST_ACTION, now);
        }
        switch (verdict(users.sessionState(caller), signedIn, path)) {
            case SIGN_OUT -> {
                request.logout();
                if (request.getSession(false) != null) {
                    request.getSession(false).invalidate();
                }
                redirect(request, response, LOGIN_PAGE + (timedOut ? "?timed-out=true" : "?ended=true"));
            }
            case SET_PASSWORD_FIRST -> redirect(request, response, ACCOUNT_PAGE);
            default -> chain.doFilter(request, response);
        }
    }

    /** The decision, from the account's state now and the version the session signed in with (null: none). */
    static Verdict verdict(Optional<SessionState> account, Object signedInVersion, String path) {
        if (account.isEmpty()
                || !(signedInVersion instanceof Integer version)
                || !account.get().admits(version)) {
            return Verdict.SIGN_OUT;
        }
        if (account.get().mustChangePassword()
                && !path.equals(ACCOUNT_PAGE)
                && !path.equals(LOGIN_PAGE)
                && !path.startsWith("/jakarta.faces.resource/")
                && !path.startsWith("/resources/")) {
            return Verdict.SET_PASSWORD_FIRST;
        }
        return Verdict.PASS;
    }

    /** A plain redirect, or for a Faces ajax request (the dashboard's poll) the partial response that makes one. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String page)
            throws IOException {
        String url = request.getContextPath() + page;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                            + url.replace("&", "&amp;").replace("\"", "&quot;") + "\"></redirect></partial-response>");
            return;
        }
        response.sendRedirect(url);
    }
}
