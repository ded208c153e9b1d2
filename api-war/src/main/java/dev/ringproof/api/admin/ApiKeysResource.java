package dev.ringproof.api.admin;

import dev.ringproof.api.Times;
import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.tenant.boundary.ApiKeys;
import dev.ringproof.tenant.entity.ApiKey;
import jakarta.inject.Inject;
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

/** Admin API: {@code /api/admin/v1/tenants/{id}/api-keys}. The key itself appears once, at issue. */
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/tenants/{id}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

    @Inject
    ApiKeys apiKeys;

    public record ApiKeyResponse(String id, String label, String mode, String key, String createdAt, String revokedAt) {

        static ApiKeyResponse of(ApiKey key, String token) {
            return new ApiKeyResponse(
                    key.id(),
                    key.label(),
                    key.mode(),
                    token,
                    Times.rfc3339(key.createdAt()),
                    Times.rfc3339(key.revokedAt()));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("id") String tenant, JsonObject body) {
        var fields = Fields.of(body, "label", "mode");
        String label = fields.optionalString("label", 200).orElse("");
        String mode = fields.requiredString("mode", 8);
        fields.requireValid();
        var issued = apiKeys.issue(tenant, label, mode);
        return Response.created(URI.create("/api/admin/v1/tenants/" + tenant + "/api-keys/"
                        + issued.key().id()))
                .header("Cache-Control", "no-store")
                .entity(ApiKeyResponse.of(issued.key(), issued.token()))
                .build();
    }

    @GET
    public List<ApiKeyResponse> list(@PathParam("id") String tenant) {
        return apiKeys.of(tenant).stream().map(k -> ApiKeyResponse.of(k, null)).toList();
    }

    @DELETE
    @Path("{keyId}")
    public ApiKeyResponse revoke(@PathParam("id") String tenant, @PathParam("keyId") String key) {
        return ApiKeyResponse.of(apiKeys.revoke(tenant, key), null);
    }
}
