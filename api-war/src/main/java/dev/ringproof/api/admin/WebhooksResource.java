package dev.ringproof.api.admin;

import dev.ringproof.api.Times;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.webhook.boundary.WebhookDeliveries;
import dev.ringproof.webhook.entity.WebhookDelivery;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API for a tenant's webhook: {@code /api/admin/v1/tenants/{id}/webhook/deliveries} and {@code /secret}. */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/tenants/{id}/webhook")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @EJB
    Tenants tenants;

    @EJB
    WebhookDeliveries deliveries;

    public record DeliveryResponse(
            String eventId, int attempt, Integer statusCode, String error, long latencyMs, String attemptedAt) {

        static DeliveryResponse of(WebhookDelivery d) {
            return new DeliveryResponse(
                    d.eventId(), d.attempt(), d.statusCode(), d.error(), d.latencyMs(), Times.rfc3339(d.attemptedAt()));
        }
    }

    public record SecretResponse(String webhookSecret) {}

    @Tag(name = "admin")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a tenant's webhook deliveries")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "WebhookDeliveryList")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("deliveries")
    public List<DeliveryResponse> deliveries(
            @PathParam("id") String tenant,
            @QueryParam("offset") @DefaultValue("0") String offset,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        tenants.find(tenant);
        return deliveries.of(tenant, Paging.offset(offset), Paging.limit(limit)).stream()
                .map(DeliveryResponse::of)
                .toList();
    }

    /** A new secret, shown once; the old one keeps signing for 24 hours (both signatures are sent). */
    @Tag(name = "admin")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a tenant's webhook secret")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "WebhookSecret")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @POST
    @Path("secret")
    public Response rotate(@PathParam("id") String tenant) {
        return Response.ok(new SecretResponse(tenants.rotateWebhookSecret(tenant)))
                .header("Cache-Control", "no-store")
                .build();
    }
}
