package dev.ringproof.api.compat.twilio;

import dev.ringproof.api.compat.CompatDoor;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.twilio.boundary.TwilioServices;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Twilio Verify v2's Services: {@code /api/compat/twilio/v2/Services}. */
@SecurityRequirement(name = "twilioBasic")
@CompatDoor("twilio")
@Callers(ApiRoles.TENANT)
@Path("compat/twilio/v2/Services")
@Produces(MediaType.APPLICATION_JSON)
public class TwilioServicesResource {

    @EJB
    TwilioServices services;

    @Context
    ContainerRequestContext request;

    @Operation(operationId = "twilioCreateService", summary = "Create a Service (Twilio Verify v2)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema = @Schema(ref = "TwilioCreateServiceRequest")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TwilioService")))
    @APIResponse(responseCode = "400", ref = "TwilioInvalid")
    @APIResponse(responseCode = "401", ref = "TwilioUnauthorized")
    @POST
    @Tag(name = "compat-twilio")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("FriendlyName") String friendlyName, @FormParam("CodeLength") String codeLength) {
        var door = TwilioCaller.of(request);
        var service = services.create(door.caller(), friendlyName, TwilioCaller.integer("CodeLength", codeLength));
        return Response.created(URI.create("/api/compat/twilio/v2/Services/" + service.sid()))
                .entity(TwilioJson.service(service, door.accountSid(), door.base()))
                .build();
    }

    @Operation(operationId = "twilioListServices", summary = "List the Services (Twilio Verify v2)")
    @APIResponse(responseCode = "200", description = "One page: services and meta")
    @APIResponse(responseCode = "401", ref = "TwilioUnauthorized")
    @GET
    @Tag(name = "compat-twilio")
    public JsonObject list() {
        var door = TwilioCaller.of(request);
        var items = Json.createArrayBuilder();
        var listed = services.list(door.caller());
        listed.forEach(s -> items.add(TwilioJson.service(s, door.accountSid(), door.base())));
        String url = door.base() + "/v2/Services?PageSize=" + TwilioServices.MAX_LISTED + "&Page=0";
        return Json.createObjectBuilder()
                .add("services", items)
                .add(
                        "meta",
                        Json.createObjectBuilder()
                                .add("page", 0)
                                .add("page_size", TwilioServices.MAX_LISTED)
                                .add("first_page_url", url)
                                .addNull("previous_page_url")
                                .add("url", url)
                                .addNull("next_page_url")
                                .add("key", "services"))
                .build();
    }

    @Operation(operationId = "twilioFetchService", summary = "Fetch a Service (Twilio Verify v2)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TwilioService")))
    @APIResponse(responseCode = "401", ref = "TwilioUnauthorized")
    @APIResponse(responseCode = "404", ref = "TwilioNotFound")
    @GET
    @Tag(name = "compat-twilio")
    @Path("{sid}")
    public JsonObject fetch(@PathParam("sid") String sid) {
        var door = TwilioCaller.of(request);
        return TwilioJson.service(services.find(door.caller(), sid), door.accountSid(), door.base());
    }
}
