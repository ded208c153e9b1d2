package dev.ringproof.api.admin;

import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.api.verification.PageCursor;
import dev.ringproof.api.verification.VerificationPages;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.verification.boundary.VerificationHistory;
import dev.ringproof.verification.boundary.VerificationHistory.Criteria;
import dev.ringproof.verification.boundary.VerificationJson;
import dev.ringproof.verification.entity.Verification;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API: {@code GET /api/admin/v1/verifications}, verifications across tenants and both worlds
 * for support, newest first, a page at a time; each item says its tenant and world.
 */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/verifications")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationHistoryResource {

    @EJB
    VerificationHistory history;

    @Tag(name = "admin")
    @Operation(operationId = "listAllVerifications", summary = "List and search verifications across tenants")
    @APIResponse(
            responseCode = "200",
            description = "A page: items, newest first, and next_cursor",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TenantVerificationPage")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    public JsonObject list(
            @QueryParam("tenant") String tenant,
            @QueryParam("mode") String mode,
            @QueryParam("status") String status,
            @QueryParam("phone") String phone,
            @QueryParam("reference") String reference,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        var criteria = new Criteria(
                tenant == null || tenant.isEmpty() ? null : tenant,
                test(mode),
                phone,
                status,
                reference,
                VerificationPages.day("from", from),
                VerificationPages.day("to", to));
        var page = history.page(criteria, PageCursor.decode(cursor), VerificationPages.limit(limit));
        return VerificationPages.json(page, VerificationHistoryResource::item);
    }

    private static JsonObjectBuilder item(Verification v) {
        return VerificationJson.of(v).add("tenant_id", v.tenantId()).add("mode", v.isTestMode() ? "test" : "live");
    }

    /** {@code live}, {@code test} or not given (both worlds). */
    private static Boolean test(String mode) {
        if (mode == null || mode.isEmpty()) {
            return null;
        }
        return switch (mode) {
            case "live" -> false;
            case "test" -> true;
            default -> throw Refusal.invalid("mode", "must be live or test");
        };
    }
}
