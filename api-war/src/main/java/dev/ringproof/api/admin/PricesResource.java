package dev.ringproof.api.admin;

import dev.ringproof.api.Times;
import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.usage.boundary.Prices;
import dev.ringproof.usage.entity.Price;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API: {@code /api/admin/v1/prices}. A POST starts a new price now; GET shows the whole history. */
@SecurityRequirement(name = "basic")
@Callers(ApiRoles.ADMIN)
@Path("admin/v1/prices")
@Produces(MediaType.APPLICATION_JSON)
public class PricesResource {

    @EJB
    Prices prices;

    /** A price as the API shows it: {@code unit_price} a decimal string with 4 decimals. */
    public record PriceResponse(
            String id, String channel, String country, String unitPrice, String currency, String validFrom) {

        static PriceResponse of(Price p) {
            return new PriceResponse(
                    p.id(),
                    p.channel(),
                    p.country(),
                    p.unitPrice().toPlainString(),
                    p.currency(),
                    Times.rfc3339(p.validFrom()));
        }
    }

    @Tag(name = "admin")
    @Operation(operationId = "createPrice", summary = "Set a price")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "PriceRequest")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Price")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        var fields = Fields.of(body, "channel", "country", "unit_price", "currency");
        String channel = fields.requiredString("channel", 16);
        String country = fields.requiredString("country", 2);
        String unitPrice = fields.requiredString("unit_price", 24);
        String currency = fields.requiredString("currency", 3);
        fields.requireValid();
        var price = prices.set(channel, country, unitPrice, currency);
        return Response.status(Response.Status.CREATED)
                .entity(PriceResponse.of(price))
                .build();
    }

    @Tag(name = "admin")
    @Operation(operationId = "listPrices", summary = "List prices")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "PriceList")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    public List<PriceResponse> list() {
        return prices.all().stream().map(PriceResponse::of).toList();
    }
}
