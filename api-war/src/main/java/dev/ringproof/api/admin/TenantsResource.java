package dev.ringproof.api.admin;

import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.tenant.boundary.TenantChanges;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.usage.boundary.UsageRecords;
import dev.ringproof.webhook.boundary.WebhookEndpoints;
import dev.ringproof.webhook.entity.Webhook;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: {@code /api/admin/v1/tenants}. */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    /** Json.create… looks the provider up with a ServiceLoader on every call: slow on Payara's class loaders. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Set<String> CHANNELS = Set.of("missed_call", "sms", "voice");

    @EJB
    Tenants tenants;

    @EJB
    WebhookEndpoints webhooks;

    @EJB
    UsageRecords usage;

    @Inject
    Clock clock;

    @Tag(name = "admin")
    @Operation(operationId = "createTenant", summary = "Create a tenant")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TenantRequest")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Tenant")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        var saved = tenants.create(read(body));
        return Response.created(
                        URI.create("/api/admin/v1/tenants/" + saved.tenant().id()))
                .header("Cache-Control", "no-store")
                .entity(TenantResponse.of(saved.tenant(), saved.webhook(), saved.newWebhookSecret()))
                .build();
    }

    @Tag(name = "admin")
    @Operation(operationId = "listTenants", summary = "List tenants")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TenantList")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    public List<TenantResponse> list(
            @QueryParam("q") String query,
            @QueryParam("offset") @DefaultValue("0") String offset,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        var found = tenants.search(query, Paging.offset(offset), Paging.limit(limit));
        var hooks = webhooks.of(found.stream().map(t -> t.id()).toList());
        return found.stream()
                .map(t -> TenantResponse.of(t, hooks.getOrDefault(t.id(), Webhook.NONE), null))
                .toList();
    }

    @Tag(name = "admin")
    @Operation(operationId = "getTenant", summary = "Get a tenant")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Tenant")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("{id}")
    public TenantResponse find(@PathParam("id") String id) {
        var tenant = tenants.find(id);
        return TenantResponse.of(tenant, webhooks.of(id), null)
                .spentToday(usage.spentOn(tenant.id(), LocalDate.now(clock)));
    }

    @Tag(name = "admin")
    @Operation(operationId = "updateTenant", summary = "Change a tenant")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "TenantRequest")),
                @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = "TenantRequest"))
            })
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Tenant")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(@PathParam("id") String id, JsonObject body) {
        var changes = read(body == null ? null : withoutStatus(body));
        String status = status(body);
        // the settings first: the domain may refuse them, never a status, so a refused PATCH changes nothing
        var saved = tenants.update(id, changes);
        var tenant = switch (status) {
            case "active" -> tenants.reactivate(id);
            case "suspended" -> tenants.suspend(id);
            default -> saved.tenant();
        };
        // a new webhook_url brings a new secret: this answer may carry it
        return Response.ok(TenantResponse.of(tenant, saved.webhook(), saved.newWebhookSecret()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Suspends: keys stop working at once, the data stays. */
    @Tag(name = "admin")
    @Operation(operationId = "suspendTenant", summary = "Suspend a tenant")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Tenant")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("{id}")
    public TenantResponse suspend(@PathParam("id") String id) {
        return TenantResponse.of(tenants.suspend(id), webhooks.of(id), null);
    }

    /** "active", "suspended", or "" when the PATCH leaves the status as it is. */
    private static String status(JsonObject body) {
        if (body == null || !body.containsKey("status")) {
            return "";
        }
        var status = body.get("status");
        if (status.equals(JSON.createValue("active"))) {
            return "active";
        }
        if (status.equals(JSON.createValue("suspended"))) {
            return "suspended";
        }
        throw Refusal.invalid("status", "must be active or suspended");
    }

    private static boolean isNull(JsonObject body, String member) {
        return body != null && body.containsKey(member) && body.isNull(member);
    }

    private static JsonObject withoutStatus(JsonObject body) {
        return JSON.createObjectBuilder(body).remove("status").build();
    }

    private static TenantChanges read(JsonObject body) {
        var fields = Fields.of(
                body,
                "name",
                "workflow",
                "fallback_after_seconds",
                "code_length",
                "otp_length",
                "max_checks",
                "ttl_seconds",
                "allowed_countries",
                "webhook_url",
                "webhook_allow_private",
                "daily_spend_cap");
        // a member left out is null: that setting stays as it is; a JSON null removes the webhook or the cap
        var changes = TenantChanges.none()
                .renamed(fields.optionalString("name", 200).orElse(null))
                .withWorkflow(
                        fields.optionalStringList("workflow", 3, 16).orElse(null),
                        fields.optionalIntMap("fallback_after_seconds", CHANNELS, 1, 3600)
                                .orElse(null))
                .withCodeLengths(
                        fields.optionalInt("code_length", 4, 6).orElse(null),
                        fields.optionalInt("otp_length", 4, 10).orElse(null))
                .withLimits(
                        fields.optionalInt("max_checks", 1, 10).orElse(null),
                        fields.optionalInt("ttl_seconds", 30, 86400).orElse(null))
                .withAllowedCountries(
                        fields.optionalStringList("allowed_countries", 250, 2).orElse(null))
                .withWebhook(
                        isNull(body, "webhook_url")
                                ? ""
                                : fields.optionalString("webhook_url", 2048).orElse(null),
                        fields.optionalBoolean("webhook_allow_private").orElse(null))
                .withDailySpendCap(
                        isNull(body, "daily_spend_cap")
                                ? ""
                                : fields.optionalString("daily_spend_cap", 20).orElse(null));
        fields.requireValid();
        return changes;
    }
}
