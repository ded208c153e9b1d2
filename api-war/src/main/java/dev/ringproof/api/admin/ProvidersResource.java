package dev.ringproof.api.admin;

import dev.ringproof.api.Times;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.platform.boundary.CarrierProviders;
import jakarta.ejb.EJB;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API: {@code GET /api/admin/v1/providers}, each telephony provider's circuit and recent
 * error rate as the answering node sees them (health is kept per node).
 */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
public class ProvidersResource {

    @EJB
    CarrierProviders providers;

    /** JSON-B's snake case makes {@code failuresInARow} "failures_in_arow": the name is given as documented. */
    public record ProviderResponse(
            String name,
            String circuit,
            String openUntil,
            int recentSends,
            double errorRate,
            @JsonbProperty("failures_in_a_row") int failuresInARow) {}

    @Tag(name = "admin")
    @Operation(operationId = "listProviders", summary = "List telephony providers")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ProviderList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    public List<ProviderResponse> list() {
        return providers.states().stream()
                .map(p -> new ProviderResponse(
                        p.name(),
                        p.circuit(),
                        p.openUntil() == null ? null : Times.rfc3339(p.openUntil()),
                        p.recentSends(),
                        p.errorRate(),
                        p.failuresInARow()))
                .toList();
    }
}
