package dev.ringproof.api.billing;

import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.usage.boundary.UsageReports;
import dev.ringproof.usage.entity.UsageMonth;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Billing API: {@code /api/billing/v1/summary?month=yyyy-MM[&tenant=]}, each tenant's month in
 * numbers (see MonthlySummary), as JSON or CSV, streamed tenant by tenant. A bad month or an
 * unknown tenant is refused before the first byte.
 */
@SecurityRequirement(name = "basic")
@Callers({ApiRoles.BILLING, ApiRoles.ADMIN})
@Path("billing/v1/summary")
public class SummaryResource {

    @EJB
    UsageReports reports;

    @Tag(name = "billing")
    @Operation(operationId = "getBillingSummary", summary = "Monthly summary of all tenants (JSON or CSV)")
    // The CSV and the JSON method are one operation: both carry all of it, as the server keeps one of the two.
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "BillingSummary")),
                @Content(mediaType = "text/csv", schema = @Schema(ref = "BillingSummaryCsv"))
            })
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Produces(UsageResource.CSV + ";qs=0.9")
    public Response csv(@QueryParam("month") String month, @QueryParam("tenant") String tenant) {
        var checked = checked(month, tenant);
        StreamingOutput body = out -> reports.writeSummaryCsv(checked, tenant, out);
        return Response.ok(body, UsageResource.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"usage-summary-" + checked + ".csv\"")
                .build();
    }

    @Tag(name = "billing")
    @Operation(operationId = "getBillingSummary", summary = "Monthly summary of all tenants (JSON or CSV)")
    // The CSV and the JSON method are one operation: both carry all of it, as the server keeps one of the two.
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "BillingSummary")),
                @Content(mediaType = "text/csv", schema = @Schema(ref = "BillingSummaryCsv"))
            })
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Produces("application/json;qs=1")
    public Response json(@QueryParam("month") String month, @QueryParam("tenant") String tenant) {
        var checked = checked(month, tenant);
        StreamingOutput body = out -> {
            try (var json = Json.createGenerator(out)) {
                json.writeStartObject()
                        .write("month", checked.toString())
                        .write("from", checked.period().from().toString())
                        .write("to", checked.period().to().toString())
                        .write("currency", reports.billingCurrency())
                        .writeStartArray("tenants");
                reports.forEachSummary(checked, tenant, summary -> {
                    json.writeStartObject();
                    SummaryJson.members(json, summary);
                    json.writeEnd();
                });
                json.writeEnd().writeEnd();
            }
        };
        return Response.ok(body, "application/json").build();
    }

    private UsageMonth checked(String month, String tenant) {
        var parsed = UsageMonth.parse(month);
        reports.requireTenant(tenant);
        return parsed;
    }
}
