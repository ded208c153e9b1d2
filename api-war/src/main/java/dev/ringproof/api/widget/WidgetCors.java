package dev.ringproof.api.widget;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import dev.ringproof.tenant.boundary.ApiKeys;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CORS for the web widget, on the three routes a publishable key may use (start, read, check),
 * and for the origins of live publishable keys only: a preflight from any other origin is 403,
 * and answers carry {@code Access-Control-Allow-Origin} only for those origins. Which key a
 * request holds is checked after, by {@code TenantAuthentication}: a preflight carries no key.
 * Never {@code Allow-Credentials}: the widget sends no cookie, and the API keeps no session.
 * After matching (a preflight matches Jersey's own OPTIONS method of the route) and before the
 * guards, which would refuse a preflight for want of a key; the route is read from the matched
 * path's segments, without matrix parameters.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class WidgetCors implements ContainerRequestFilter, ContainerResponseFilter {

    static final Pattern WIDGET_ROUTES = Pattern.compile("v1/verifications(/[^/]+(/check)?)?");
    private static final String ALLOWED = WidgetCors.class.getName() + ".allowed";

    @EJB
    ApiKeys apiKeys;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null
                || !WIDGET_ROUTES.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        boolean allowed = apiKeys.servesOrigin(origin);
        request.setProperty(ALLOWED, allowed);
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null;
        if (!preflight) {
            return;
        }
        if (!allowed) {
            request.abortWith(Problem.of(ErrorCode.FORBIDDEN, "No publishable key may be used from this origin.")
                    .toResponse());
            return;
        }
        request.abortWith(Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "GET, POST")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key")
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin")
                .build());
    }

    static boolean isWidgetRoute(ContainerRequestContext request) {
        String path = request.getUriInfo().getPathSegments().stream()
                .map(PathSegment::getPath)
                .filter(segment -> !segment.isEmpty())
                .collect(Collectors.joining("/"));
        return WIDGET_ROUTES.matcher(path).matches();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (Boolean.TRUE.equals(request.getProperty(ALLOWED))
                && !response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", request.getHeaderString("Origin"));
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "Retry-After, Location");
            response.getHeaders().add("Vary", "Origin");
        }
    }
}
