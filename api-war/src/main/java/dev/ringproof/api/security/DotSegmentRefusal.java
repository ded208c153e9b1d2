package dev.ringproof.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * No API path has a dot segment, so a request whose path has one ({@code /./}, {@code /../},
 * a trailing {@code /.} or {@code /..}, plain or percent-encoded) or a backslash is refused
 * with 400 before anything else, so that no spelling of a path depends on how the server
 * normalises it. (A literal trailing {@code /.} or {@code /..} may fail in the server's own
 * URI decoder before any filter runs: docs/security.md, "Paths the server cannot decode".)
 */
@WebFilter(filterName = "dotSegmentRefusal", urlPatterns = "/*")
public class DotSegmentRefusal extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Pattern DOT_SEGMENT = Pattern.compile("(?i)(^|/)(\\.|%2e){1,2}(/|$)|\\\\|%5c");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (hasDotSegment(request.getRequestURI())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"code\":\"invalid_request\",\"detail\":\"Paths have no dot segments.\","
                            + "\"status\":400,\"title\":\"The request is not valid\",\"type\":\"about:blank\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean hasDotSegment(String uri) {
        return DOT_SEGMENT.matcher(uri).find();
    }
}
