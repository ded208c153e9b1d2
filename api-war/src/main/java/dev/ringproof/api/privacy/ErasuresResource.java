package dev.ringproof.api.privacy;

import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.privacy.boundary.Erasures;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: {@code POST /api/admin/v1/erasures} erases a phone number for all tenants or one. */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/erasures")
@Produces(MediaType.APPLICATION_JSON)
public class ErasuresResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @EJB
    Erasures erasures;

    @Operation(operationId = "erasePhone", summary = "Erase a phone number everywhere it is stored")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ErasureRequest")))
    @APIResponse(responseCode = "200", description = "What was erased: the number masked and the rows per table")
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @POST
    @Tag(name = "admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject erase(JsonObject body) {
        var fields = Fields.of(body, "phone", "tenant");
        String phone = fields.requiredString("phone", 40);
        String tenant = fields.optionalString("tenant", 40).orElse(null);
        fields.requireValid();
        var erased = erasures.erase(phone, tenant);
        var rows = JSON.createObjectBuilder();
        erased.rows().forEach(rows::add);
        return JSON.createObjectBuilder()
                .add("phone", erased.masked())
                .add("tenant", erased.tenantId() == null ? JsonValue.NULL : JSON.createValue(erased.tenantId()))
                .add("rows", rows)
                .build();
    }
}
