package dev.ringproof.admin.security;

import dev.ringproof.audit.boundary.CurrentActor;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Names the signed-in user, their roles and address as the actor of whatever this request changes (the audit trail). */
@WebFilter(filterName = "actingUser", urlPatterns = "/*")
public class ActingUser extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentActor actor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String user = request.getRemoteUser();
        if (user != null) {
            actor.actAs(
                    user,
                    Stream.of("admin", "billing").filter(request::isUserInRole).collect(Collectors.joining(",")),
                    request.getRemoteAddr());
        }
        chain.doFilter(request, response);
    }
}
