package dev.ringproof.root;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API reference ({@code /openapi-ui/}) and its Swagger UI files run scripts only from this
 * server, never inline, and load nothing from elsewhere; no other site may frame them. Swagger UI
 * sets style attributes and draws its icons from {@code data:} URLs, hence those two allowances.
 */
@WebFilter({"/openapi-ui/*", "/webjars/*"})
public class ReferencePageHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
