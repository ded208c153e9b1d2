package dev.ringproof.api.billing;

import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.usage.boundary.UsageReports;
import dev.ringproof.usage.entity.Period;
import jakarta.ejb.EJB;
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
 * Billing API: {@code /api/billing/v1/usage} as CSV or JSON. Both stream: lines go out as
 * the ledger cursor yields them. Bad dates or an unknown tenant are refused before the
 * first byte, so they still get a problem+json answer.
 */
@SecurityRequirement(name = "basic")
@Callers({ApiRoles.BILLING, ApiRoles.ADMIN})
@Path("billing/v1/usage")
public class UsageResource {

    static final String CSV = "text/csv";

    @EJB
    UsageReports reports;

    @Tag(name = "billing")
    @Operation(operationId = "getBillingUsage", summary = "Usage of all tenants (JSON or CSV)")
    // The CSV and the JSON method are one operation: both carry all of it, as the server keeps one of the two.
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "UsageReport")),
                @Content(mediaType = "text/csv", schema = @Schema(ref = "UsageReportCsv"))
            })
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Produces(CSV + ";qs=0.9")
    public Response csv(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tenant") String tenant) {
        var period = checked(from, to, tenant);
        StreamingOutput body = out -> reports.writeCsv(period, tenant, out);
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"usage-" + period.from() + "-" + period.to() + ".csv\"")
                .build();
    }

    @Tag(name = "billing")
    @Operation(operationId = "getBillingUsage", summary = "Usage of all tenants (JSON or CSV)")
    // The CSV and the JSON method are one operation: both carry all of it, as the server keeps one of the two.
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "UsageReport")),
                @Content(mediaType = "text/csv", schema = @Schema(ref = "UsageReportCsv"))
            })
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Produces("application/json;qs=1")
    public Response json(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tenant") String tenant) {
        var period = checked(from, to, tenant);
        StreamingOutput body = out -> UsageJson.write(
                out, period, reports.billingCurrency(), sink -> reports.forEachGroup(period, tenant, sink));
        return Response.ok(body, "application/json").build();
    }

    private Period checked(String from, String to, String tenant) {
        var period = Period.parse(from, to);
        reports.requireTenant(tenant);
        return period;
    }
}
