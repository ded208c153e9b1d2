package dev.ringproof.admin.security;

import dev.ringproof.platform.control.PublicUrl;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Every redirect the console sends goes to the configured public URL ({@link PublicUrl}) or is
 * a path on this server, never to a host taken from the request's {@code Host} header: the
 * servlet container would otherwise make {@code /admin/login.xhtml} absolute with it.
 * <p>
 * Sign-in is forwarded to the login page (ConsoleSecurity), because the security mechanism
 * builds its redirect from the Host before any filter runs; this filter turns that forward
 * into the same redirect to the login page, built here.
 */
@WebFilter(
        filterName = "publicRedirects",
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class PublicRedirects extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String LOGIN_PAGE = "/login.xhtml";

    private PublicUrl publicUrl;

    @Override
    public void init() {
        publicUrl = PublicUrl.configured();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var redirects = new Redirects(request, response, publicUrl);
        if (request.getDispatcherType() == DispatcherType.FORWARD && LOGIN_PAGE.equals(request.getServletPath())) {
            redirects.sendRedirect(request.getContextPath() + LOGIN_PAGE);
            return;
        }
        chain.doFilter(request, redirects);
    }

    /** The response with a sendRedirect that writes its own Location. */
    static final class Redirects extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final PublicUrl publicUrl;

        Redirects(HttpServletRequest request, HttpServletResponse response, PublicUrl publicUrl) {
            super(response);
            this.request = request;
            this.publicUrl = publicUrl;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("The response is committed; cannot redirect");
            }
            String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
            resetBuffer();
            setStatus(SC_FOUND);
            setHeader("Location", publicUrl.location(location, request.getRequestURI(), origin));
            flushBuffer();
        }
    }
}
