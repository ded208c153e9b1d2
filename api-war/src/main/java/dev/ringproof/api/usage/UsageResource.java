package dev.ringproof.api.usage;

import dev.ringproof.api.billing.SummaryJson;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.api.tenant.TenantAuthentication;
import dev.ringproof.usage.boundary.UsageReports;
import dev.ringproof.usage.entity.Period;
import dev.ringproof.usage.entity.TenantUsage;
import dev.ringproof.usage.entity.UsageMonth;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tenant API: {@code /api/v1/usage}, the caller's own tenant only (a few lines, not streamed),
 * and {@code /api/v1/usage/summary?month=yyyy-MM}, its month in numbers as billing sees it.
 */
@SecurityRequirement(name = "apiKey")
@Callers(ApiRoles.TENANT)
@Path("v1/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    @EJB
    UsageReports reports;

    @Context
    ContainerRequestContext request;

    /** The usage answer of docs/api.md; {@code currency}/{@code total_amount} absent only if several currencies were billed. */
    public record UsageResponse(
            String from, String to, String currency, List<LineResponse> lines, String totalAmount) {}

    public record LineResponse(String channel, String country, long attempts, long approved, String amount) {}

    @Tag(name = "tenant")
    @Operation(operationId = "getUsage", summary = "Your usage and cost")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TenantUsage")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    public UsageResponse usage(@QueryParam("from") String from, @QueryParam("to") String to) {
        var period = Period.parse(from, to);
        TenantUsage usage =
                reports.ofTenant(TenantAuthentication.caller(request).tenantId(), period);
        var currency = usage.totals().singleCurrency(reports.billingCurrency());
        return new UsageResponse(
                period.from().toString(),
                period.to().toString(),
                currency.orElse(null),
                usage.lines().stream()
                        .map(l -> new LineResponse(
                                l.channel(),
                                l.country(),
                                l.attempts(),
                                l.approved(),
                                l.amount().toPlainString()))
                        .toList(),
                currency.map(c -> usage.totals().amount(c).toPlainString()).orElse(null));
    }

    @Tag(name = "tenant")
    @Operation(operationId = "getUsageSummary", summary = "Your monthly summary")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "UsageSummary")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Path("summary")
    public Response summary(@QueryParam("month") String month) {
        var checked = UsageMonth.parse(month);
        var summary = reports.summaryOf(TenantAuthentication.caller(request).tenantId(), checked);
        StreamingOutput body = out -> {
            try (var json = Json.createGenerator(out)) {
                json.writeStartObject().write("month", checked.toString()).write("currency", summary.currency());
                SummaryJson.members(json, summary);
                json.writeEnd();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
