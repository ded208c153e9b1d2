package dev.ringproof.api.admin;

import dev.ringproof.api.Times;
import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.tenant.boundary.ApiKeys;
import dev.ringproof.tenant.control.AllowedOrigins;
import dev.ringproof.tenant.entity.ApiKey;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Admin API: {@code /api/admin/v1/tenants/{id}/api-keys}. The key itself appears once, at issue. */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/tenants/{id}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

    @EJB
    ApiKeys apiKeys;

    /** {@code key}: a secret key's only at issue; a publishable key's always (it is no secret). */
    public record ApiKeyResponse(
            String id,
            String label,
            String mode,
            String kind,
            String key,
            List<String> allowedOrigins,
            String createdAt,
            String revokedAt) {

        static ApiKeyResponse of(ApiKey key, String token) {
            return new ApiKeyResponse(
                    key.id(),
                    key.label(),
                    key.mode(),
                    key.isPublishable() ? ApiKey.PUBLISHABLE : ApiKey.SECRET,
                    key.publishableKey().orElse(token),
                    key.isPublishable() ? AllowedOrigins.list(key.allowedOrigins()) : null,
                    Times.rfc3339(key.createdAt()),
                    Times.rfc3339(key.revokedAt()));
        }
    }

    @Tag(name = "admin")
    @Operation(operationId = "issueApiKey", summary = "Issue an API key (the secret is in this answer only)")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ApiKeyRequest")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ApiKey")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("id") String tenant, JsonObject body) {
        var fields = Fields.of(body, "label", "mode", "kind", "allowed_origins");
        String label = fields.optionalString("label", 200).orElse("");
        String mode = fields.requiredString("mode", 8);
        String kind = fields.optionalString("kind", 16).orElse(ApiKey.SECRET);
        var origins = fields.optionalStringList("allowed_origins", AllowedOrigins.MAX_ORIGINS, 300)
                .orElse(null);
        if (!kind.equals(ApiKey.SECRET) && !kind.equals(ApiKey.PUBLISHABLE)) {
            fields.problem("kind", "must be secret or publishable");
        } else if (kind.equals(ApiKey.SECRET) && origins != null) {
            fields.problem("allowed_origins", "is for publishable keys only");
        }
        fields.requireValid();
        var issued = kind.equals(ApiKey.PUBLISHABLE)
                ? apiKeys.issuePublishable(tenant, label, mode, origins)
                : apiKeys.issue(tenant, label, mode);
        return Response.created(URI.create("/api/admin/v1/tenants/" + tenant + "/api-keys/"
                        + issued.key().id()))
                .header("Cache-Control", "no-store")
                .entity(ApiKeyResponse.of(issued.key(), issued.token()))
                .build();
    }

    @Tag(name = "admin")
    @Operation(operationId = "listApiKeys", summary = "List a tenant's API keys")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ApiKeyList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    public List<ApiKeyResponse> list(@PathParam("id") String tenant) {
        return apiKeys.of(tenant).stream().map(k -> ApiKeyResponse.of(k, null)).toList();
    }

    @Tag(name = "admin")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ApiKey")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("{keyId}")
    public ApiKeyResponse revoke(@PathParam("id") String tenant, @PathParam("keyId") String key) {
        return ApiKeyResponse.of(apiKeys.revoke(tenant, key), null);
    }
}
