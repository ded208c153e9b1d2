package dev.ringproof.api.ratelimit;

import dev.ringproof.api.Times;
import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.ratelimit.boundary.PolicyDraft;
import dev.ringproof.ratelimit.boundary.RateLimits;
import dev.ringproof.ratelimit.entity.RateLimitPolicy;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API: {@code /api/admin/v1/rate-limits}, and {@code /hits}: the counters that have
 * used up their limit, until their window ends.
 */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/rate-limits")
@Produces(MediaType.APPLICATION_JSON)
public class RateLimitsResource {

    static final int MAX_LIMIT = RateLimitPolicy.MAX_LIMIT;
    static final int MAX_WINDOW_SECONDS = RateLimitPolicy.MAX_WINDOW_SECONDS;

    @EJB
    RateLimits rateLimits;

    public record PolicyResponse(
            String id,
            String scope,
            String action,
            String tenantId,
            String match,
            int limit,
            int windowSeconds,
            String createdAt) {

        static PolicyResponse of(RateLimitPolicy p) {
            return new PolicyResponse(
                    p.id(),
                    p.scope().wireName(),
                    p.action().wireName(),
                    p.tenantId(),
                    p.match(),
                    p.limit(),
                    p.windowSeconds(),
                    Times.rfc3339(p.createdAt()));
        }
    }

    /** {@code test}: a counter of test traffic, apart from the live one of the same subject. */
    public record HitResponse(
            String policyId,
            String scope,
            String action,
            String subject,
            boolean test,
            int count,
            int limit,
            int windowSeconds,
            String windowStartedAt,
            String resetsAt) {

        static HitResponse of(RateLimits.Hit hit) {
            var p = hit.policy();
            return new HitResponse(
                    p.id(),
                    p.scope().wireName(),
                    p.action().wireName(),
                    hit.subject(),
                    hit.test(),
                    hit.hits(),
                    p.limit(),
                    p.windowSeconds(),
                    Times.rfc3339(hit.windowStart()),
                    Times.rfc3339(hit.resetsAt()));
        }
    }

    @Tag(name = "admin")
    @Operation(operationId = "createRateLimit", summary = "Add a rate-limit policy")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "RateLimitRequest")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "RateLimitPolicy")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        var fields = Fields.of(body, "scope", "action", "tenant_id", "match", "limit", "window_seconds");
        var draft = new PolicyDraft(
                fields.requiredString("scope", 16),
                fields.optionalString("action", 16).orElse(null),
                fields.optionalString("tenant_id", 40).orElse(null),
                fields.optionalString("match", 16).orElse(null),
                fields.optionalInt("limit", 1, MAX_LIMIT).orElse(null),
                fields.optionalInt("window_seconds", 1, MAX_WINDOW_SECONDS).orElse(null));
        if (!fields.has("limit")) {
            fields.problem("limit", "is required");
        }
        if (!fields.has("window_seconds")) {
            fields.problem("window_seconds", "is required");
        }
        fields.requireValid();
        var policy = rateLimits.create(draft);
        return Response.created(URI.create("/api/admin/v1/rate-limits/" + policy.id()))
                .entity(PolicyResponse.of(policy))
                .build();
    }

    @Tag(name = "admin")
    @Operation(operationId = "listRateLimits", summary = "List rate-limit policies")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "RateLimitPolicyList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    public List<PolicyResponse> list() {
        return rateLimits.all().stream().map(PolicyResponse::of).toList();
    }

    @Tag(name = "admin")
    @Operation(operationId = "deleteRateLimit", summary = "Remove a rate-limit policy")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        rateLimits.delete(id);
        return Response.noContent().build();
    }

    @Tag(name = "admin")
    @Operation(operationId = "listRateLimitHits", summary = "List recent rate-limit refusals")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "RateLimitHitList")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    @Path("hits")
    public List<HitResponse> hits(
            @QueryParam("offset") @DefaultValue("0") String offset,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        return rateLimits.hits(number("offset", offset, 0, Integer.MAX_VALUE), number("limit", limit, 1, 500)).stream()
                .map(HitResponse::of)
                .toList();
    }

    private static int number(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
