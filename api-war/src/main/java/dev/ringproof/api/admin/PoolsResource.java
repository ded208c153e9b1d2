package dev.ringproof.api.admin;

import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.numberpool.boundary.NumberPools;
import dev.ringproof.numberpool.boundary.NumberPools.NumberRange;
import dev.ringproof.numberpool.boundary.NumberPools.PoolView;
import dev.ringproof.numberpool.boundary.PoolHealth;
import dev.ringproof.numberpool.control.NumbersCsv;
import dev.ringproof.numberpool.entity.HealthRules;
import jakarta.ejb.EJB;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: {@code /api/admin/v1/pools} and their numbers. */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/pools")
@Produces(MediaType.APPLICATION_JSON)
public class PoolsResource {

    static final int MAX_ITEMS = 1000;

    static final int MAX_REST_HOURS = 24 * 365;

    @EJB
    NumberPools pools;

    @EJB
    PoolHealth poolHealth;

    /**
     * {@code code_digits}: the longest code some of the pool's numbers can carry, a number serving an
     * N-digit code only while its whole block of 10^N is in the country's enabled pools;
     * {@code usable_numbers}: how many can carry the default 4 digits. Both 0 while the pool is disabled.
     */
    public record PoolResponse(
            String id, String name, String country, boolean enabled, long size, int codeDigits, long usableNumbers) {

        static PoolResponse of(PoolView view) {
            var p = view.pool();
            return new PoolResponse(
                    p.id(), p.name(), p.country(), p.isEnabled(), view.size(), view.codeDigits(), view.usableNumbers());
        }
    }

    public record RangeResponse(String from, String to, long size) {}

    public record NumbersPage(
            String poolId, long size, long totalRanges, int offset, int limit, List<RangeResponse> ranges) {}

    @Tag(name = "admin")
    @Operation(operationId = "createPool", summary = "Create a number pool")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "PoolRequest")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Pool")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        var fields = Fields.of(body, "name", "country", "enabled");
        String name = fields.requiredString("name", 200);
        String country = fields.requiredString("country", 2);
        boolean enabled = fields.optionalBoolean("enabled").orElse(true);
        fields.requireValid();
        var view = pools.create(name, country, enabled);
        return Response.created(URI.create("/api/admin/v1/pools/" + view.pool().id()))
                .entity(PoolResponse.of(view))
                .build();
    }

    @Tag(name = "admin")
    @Operation(operationId = "listPools", summary = "List number pools")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "PoolList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    public List<PoolResponse> list() {
        return pools.all().stream().map(PoolResponse::of).toList();
    }

    @Tag(name = "admin")
    @Operation(operationId = "getPool", summary = "Get a number pool")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Pool")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("{id}")
    public PoolResponse find(@PathParam("id") String id) {
        return PoolResponse.of(pools.find(id));
    }

    @Tag(name = "admin")
    @Operation(operationId = "updatePool", summary = "Rename, enable or disable a pool")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "PoolRequest")),
                @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = "PoolRequest"))
            })
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Pool")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public PoolResponse update(@PathParam("id") String id, JsonObject body) {
        var fields = Fields.of(body, "name", "enabled");
        String name = fields.optionalString("name", 200).orElse(null);
        Boolean enabled = fields.optionalBoolean("enabled").orElse(null);
        fields.requireValid();
        return PoolResponse.of(pools.update(id, name, enabled));
    }

    @Tag(name = "admin")
    @Operation(operationId = "deletePool", summary = "Delete a number pool")
    @APIResponse(responseCode = "204", description = "No content")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        pools.delete(id);
        return Response.noContent().build();
    }

    // The JSON and the CSV method are one operation: both carry all of it, as the server keeps one of the two.
    @Tag(name = "admin")
    @Operation(operationId = "addPoolNumbers", summary = "Add numbers or ranges to a pool (JSON or CSV)")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "PoolNumbersRequest")),
                @Content(mediaType = "text/csv", schema = @Schema(ref = "PoolNumbersCsv"))
            })
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Pool")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @POST
    @Path("{id}/numbers")
    @Consumes(MediaType.APPLICATION_JSON)
    public PoolResponse addNumbers(@PathParam("id") String id, JsonObject body) {
        var fields = Fields.of(body, "numbers", "ranges");
        List<NumberRange> ranges = new ArrayList<>();
        fields.optionalStringList("numbers", MAX_ITEMS, 32)
                .orElse(List.of())
                .forEach(n -> ranges.add(new NumberRange(n, n)));
        JsonValue given = body == null ? null : body.get("ranges");
        if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
            readRanges(given, ranges, fields);
        }
        fields.requireValid();
        return PoolResponse.of(pools.add(id, ranges));
    }

    @Tag(name = "admin")
    @Operation(operationId = "addPoolNumbers", summary = "Add numbers or ranges to a pool (JSON or CSV)")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "PoolNumbersRequest")),
                @Content(mediaType = "text/csv", schema = @Schema(ref = "PoolNumbersCsv"))
            })
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Pool")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @POST
    @Path("{id}/numbers")
    @Consumes({"text/csv", "application/csv"})
    public PoolResponse importCsv(@PathParam("id") String id, String csv) {
        return PoolResponse.of(pools.add(id, NumbersCsv.read(csv, MAX_ITEMS)));
    }

    @Tag(name = "admin")
    @Operation(operationId = "listPoolNumbers", summary = "List a pool's numbers")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "NumbersPage")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("{id}/numbers")
    public NumbersPage numbers(
            @PathParam("id") String id,
            @QueryParam("offset") @DefaultValue("0") String offset,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        int from = Paging.offset(offset);
        int size = Paging.limit(limit);
        var view = pools.find(id);
        var ranges = pools.ranges(id, from, size).stream()
                .map(r -> new RangeResponse(r.first(), r.last(), r.size()))
                .toList();
        return new NumbersPage(id, view.size(), pools.rangeCount(id), from, size, ranges);
    }

    @Tag(name = "admin")
    @Operation(operationId = "removePoolNumber", summary = "Remove a number from a pool")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Pool")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("{id}/numbers/{e164}")
    public PoolResponse removeNumber(@PathParam("id") String id, @PathParam("e164") String number) {
        return PoolResponse.of(pools.remove(id, number));
    }

    @Tag(name = "admin")
    @Operation(operationId = "getPoolHealth", summary = "How a pool's caller numbers fare")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "PoolHealth")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("{id}/health")
    public PoolHealthJson.HealthResponse health(@PathParam("id") String id) {
        return PoolHealthJson.HealthResponse.of(poolHealth.view(id));
    }

    @Tag(name = "admin")
    @Operation(operationId = "updatePoolHealthRules", summary = "Change a pool's health rules")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "PoolHealthRules")))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "PoolHealth")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @PATCH
    @Path("{id}/health")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public PoolHealthJson.HealthResponse changeRules(@PathParam("id") String id, JsonObject body) {
        var f = Fields.of(
                body,
                "max_calls_per_hour",
                "max_answered_percent",
                "max_failed_percent",
                "min_approval_share_percent",
                "min_calls",
                "rest_hours");
        var perHour = f.optionalInt("max_calls_per_hour", 1, 100_000);
        var answered = f.optionalInt("max_answered_percent", 0, 100);
        var failed = f.optionalInt("max_failed_percent", 0, 100);
        var share = f.optionalInt("min_approval_share_percent", 0, 100);
        var minCalls = f.optionalInt("min_calls", 1, 1_000_000);
        var restHours = f.optionalInt("rest_hours", 1, MAX_REST_HOURS);
        f.requireValid();
        var now = poolHealth.view(id).rules();
        return PoolHealthJson.HealthResponse.of(poolHealth.changeRules(
                id,
                new HealthRules(
                        perHour.orElse(now.maxCallsPerHour()),
                        answered.map(p -> p / 100.0).orElse(now.maxAnswerRate()),
                        failed.map(p -> p / 100.0).orElse(now.maxFailureRate()),
                        share.map(p -> p / 100.0).orElse(now.minApprovalShare()),
                        minCalls.orElse(now.minCalls()),
                        restHours.orElse(now.restHours()))));
    }

    @Tag(name = "admin")
    @Operation(operationId = "restPoolNumber", summary = "Rest a number (with its block of 10 000)")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(ref = "RestRequest")))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "PoolHealth")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @POST
    @Path("{id}/numbers/{e164}/rest")
    @Consumes(MediaType.APPLICATION_JSON)
    public PoolHealthJson.HealthResponse rest(
            @PathParam("id") String id, @PathParam("e164") String number, JsonObject body) {
        var f = Fields.of(body, "hours");
        Integer hours = f.optionalInt("hours", 1, MAX_REST_HOURS).orElse(null);
        f.requireValid();
        return PoolHealthJson.HealthResponse.of(poolHealth.rest(id, number, hours));
    }

    @Tag(name = "admin")
    @Operation(operationId = "restorePoolNumber", summary = "Put a rested number (and its block) back into the draw")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "PoolHealth")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @POST
    @Path("{id}/numbers/{e164}/restore")
    public PoolHealthJson.HealthResponse restore(@PathParam("id") String id, @PathParam("e164") String number) {
        return PoolHealthJson.HealthResponse.of(poolHealth.restore(id, number));
    }

    private static void readRanges(JsonValue given, List<NumberRange> ranges, Fields fields) {
        if (!(given instanceof JsonArray array) || array.size() > MAX_ITEMS) {
            fields.problem("ranges", "must be a list of at most " + MAX_ITEMS + " {from, to} objects");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject range)
                    || !(range.get("from") instanceof JsonString from)
                    || !(range.get("to") instanceof JsonString to)
                    || range.size() != 2) {
                fields.problem("ranges[" + i + "]", "must be {\"from\": \"+…\", \"to\": \"+…\"}");
                return;
            }
            ranges.add(new NumberRange(from.getString(), to.getString()));
        }
    }
}
