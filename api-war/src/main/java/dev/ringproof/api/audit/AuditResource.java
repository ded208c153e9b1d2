package dev.ringproof.api.audit;

import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.api.verification.VerificationPages;
import dev.ringproof.audit.boundary.AuditTrail;
import dev.ringproof.audit.boundary.AuditTrail.Criteria;
import dev.ringproof.audit.entity.AuditEntry;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.usage.control.SpreadsheetText;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API: {@code GET /api/admin/v1/audit}, the audit trail newest first, a page at a time, as
 * JSON or CSV (the same page and cursor; the cursor travels in the {@code Next-Cursor} header of
 * a CSV page).
 */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/audit")
public class AuditResource {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX_FILTER = 128;
    private static final List<String> COLUMNS =
            List.of("seq", "at", "actor", "role", "address", "action", "target_type", "target_id", "changes");

    @EJB
    AuditTrail trail;

    @Operation(operationId = "listAuditEntries", summary = "Read the audit trail (JSON or CSV)")
    // The CSV and the JSON method are one operation: both carry all of it, as the server keeps one of the two.
    @APIResponse(
            responseCode = "200",
            description = "A page, newest first",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "AuditPage")),
                @Content(mediaType = "text/csv", schema = @Schema(ref = "AuditCsv"))
            })
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    @Tag(name = "admin")
    @Produces("application/json;qs=1")
    public JsonObject json(
            @QueryParam("actor") String actor,
            @QueryParam("target") String target,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        var page = page(actor, target, action, from, to, limit, cursor);
        var items = JSON.createArrayBuilder();
        page.items().forEach(e -> items.add(item(e)));
        return JSON.createObjectBuilder()
                .add("items", items)
                .add(
                        "next_cursor",
                        page.next() == null ? JsonValue.NULL : JSON.createValue(AuditCursor.encode(page.next())))
                .build();
    }

    @Operation(operationId = "listAuditEntries", summary = "Read the audit trail (JSON or CSV)")
    // The CSV and the JSON method are one operation: both carry all of it, as the server keeps one of the two.
    @APIResponse(
            responseCode = "200",
            description = "A page, newest first",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(ref = "AuditPage")),
                @Content(mediaType = "text/csv", schema = @Schema(ref = "AuditCsv"))
            })
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    @Tag(name = "admin")
    @Produces("text/csv;qs=0.9")
    public Response csv(
            @QueryParam("actor") String actor,
            @QueryParam("target") String target,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        var page = page(actor, target, action, from, to, limit, cursor);
        var csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (var e : page.items()) {
            csv.append(Stream.of(
                                    Long.toString(e.seq()),
                                    e.at().toInstant().toString(),
                                    e.actor(),
                                    e.role(),
                                    e.address(),
                                    e.action(),
                                    e.targetType(),
                                    e.targetId(),
                                    e.changes())
                            .map(AuditResource::cell)
                            .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        var answer = Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"");
        if (page.next() != null) {
            answer.header("Next-Cursor", AuditCursor.encode(page.next()));
        }
        return answer.build();
    }

    private AuditTrail.Page page(
            String actor, String target, String action, String from, String to, String limit, String cursor) {
        var criteria = new Criteria(
                filter("actor", actor),
                filter("target", target),
                filter("action", action),
                VerificationPages.day("from", from),
                VerificationPages.day("to", to));
        if (criteria.from() != null && criteria.to() != null && criteria.to().isBefore(criteria.from())) {
            throw Refusal.invalid("to", "must not be before from");
        }
        return trail.page(criteria, AuditCursor.decode(cursor), VerificationPages.limit(limit));
    }

    private static String filter(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_FILTER || value.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalid(field, "must be at most " + MAX_FILTER + " characters, without control characters");
        }
        return value;
    }

    private static JsonObjectBuilder item(AuditEntry e) {
        var item = JSON.createObjectBuilder()
                .add("seq", e.seq())
                .add("at", e.at().toInstant().toString())
                .add("actor", e.actor())
                .add("role", e.role())
                .add("action", e.action())
                .add("target_type", e.targetType());
        item.add("address", e.address() == null ? JsonValue.NULL : JSON.createValue(e.address()));
        item.add("target_id", e.targetId() == null ? JsonValue.NULL : JSON.createValue(e.targetId()));
        try (var reader = JSON.createReader(new StringReader(e.changes()))) {
            item.add("changes", reader.readObject());
        }
        return item;
    }

    /** A CSV field: quoted, quotes doubled, and no spreadsheet formula wherever a cell may start. */
    private static String cell(String value) {
        return value == null ? "" : "\"" + SpreadsheetText.inert(value).replace("\"", "\"\"") + "\"";
    }
}
