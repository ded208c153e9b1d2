package dev.ringproof.admin.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Console sessions travel in the cookie only. web.xml says so (tracking-mode COOKIE), yet
 * Payara still resumes a session named in the URL ({@code /admin/;jsessionid=...}), so a
 * session id that leaked through a link, a log or a Referer would sign its finder in. A
 * request whose session id came from its URL is answered 404 before any page sees it.
 */
@WebFilter(filterName = "cookieSessionsOnly", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class CookieSessionsOnly extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isRequestedSessionIdFromURL()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
