package dev.ringproof.api.admin;

import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.webhook.boundary.WebhookDeliveries;
import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: {@code POST /api/admin/v1/webhook-events/{id}/replay} delivers an event again from its first attempt. */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/webhook-events/{id}/replay")
public class WebhookEventsResource {

    @EJB
    WebhookDeliveries deliveries;

    @Tag(name = "admin")
    @Operation(operationId = "replayWebhookEvent", summary = "Deliver a webhook event again")
    @APIResponse(responseCode = "202", description = "Queued for delivery")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @POST
    public Response replay(@PathParam("id") String event) {
        deliveries.replay(event);
        return Response.accepted().build();
    }
}
