package dev.ringproof.api.admin;

import dev.ringproof.api.Times;
import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.tenant.boundary.VonageApplications;
import dev.ringproof.tenant.entity.VonageApplication;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API: {@code /api/admin/v1/tenants/{id}/vonage-application}, the Vonage application whose
 * JWTs the Vonage door accepts for the tenant, acting as one of the tenant's api keys.
 */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/tenants/{id}/vonage-application")
@Produces(MediaType.APPLICATION_JSON)
public class VonageApplicationResource {

    @EJB
    VonageApplications applications;

    public record VonageApplicationResponse(String applicationId, String keyId, String publicKey, String createdAt) {

        static VonageApplicationResponse of(VonageApplication application) {
            return new VonageApplicationResponse(
                    application.applicationId(),
                    application.keyId(),
                    application.publicKey(),
                    Times.rfc3339(application.createdAt()));
        }
    }

    @Operation(operationId = "putVonageApplication", summary = "Register or replace the tenant's Vonage application")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "VonageApplicationRequest")))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "VonageApplication")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @PUT
    @Tag(name = "admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public VonageApplicationResponse put(@PathParam("id") String tenant, JsonObject body) {
        var fields = Fields.of(body, "application_id", "public_key", "key_id");
        String applicationId = fields.requiredString("application_id", 36);
        String keyId = fields.requiredString("key_id", 48);
        String publicKey = pem(body, fields);
        fields.requireValid();
        return VonageApplicationResponse.of(applications.register(tenant, applicationId, publicKey, keyId));
    }

    /**
     * The PEM as sent: its line breaks are control characters that {@link Fields} refuses in any
     * other text; {@code VonageApplications} accepts nothing but a PEM of base64 and whitespace.
     */
    private static String pem(JsonObject body, Fields fields) {
        if (body != null
                && body.get("public_key") instanceof JsonString pem
                && pem.getString().length() <= 3000) {
            return pem.getString();
        }
        fields.problem("public_key", "is required: an RSA public key as PEM, at most 3000 characters");
        return null;
    }

    @Operation(operationId = "getVonageApplication", summary = "The tenant's Vonage application")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "VonageApplication")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Tag(name = "admin")
    public VonageApplicationResponse get(@PathParam("id") String tenant) {
        return VonageApplicationResponse.of(applications.of(tenant));
    }

    @Operation(operationId = "deleteVonageApplication", summary = "Remove the tenant's Vonage application")
    @APIResponse(responseCode = "204", description = "Removed: its JWTs are refused from now on")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Tag(name = "admin")
    public Response delete(@PathParam("id") String tenant) {
        applications.remove(tenant);
        return Response.noContent().build();
    }
}
