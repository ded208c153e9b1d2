package dev.ringproof.root;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * OPTIONS on a path this module does not have ({@code /API/admin/v1/tenants}, a mistyped
 * context) is 404 like any other method on it, the problem+json of {@link ErrorAnswer}: the
 * server's default servlet would answer 200 with the methods it supports for any path at all.
 * The module's own page ({@code /}, {@code /index.html}) still answers OPTIONS.
 */
@WebFilter(filterName = "unknownPathOptions", urlPatterns = "/*")
public class UnknownPathOptions extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getMethod().equals("OPTIONS")
                && !isOwnPage(request.getServletPath() + nullToEmpty(request.getPathInfo()))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isOwnPage(String path) {
        return path.isEmpty() || path.equals("/") || path.equals("/index.html");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
