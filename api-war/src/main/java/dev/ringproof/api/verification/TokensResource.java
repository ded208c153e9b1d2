package dev.ringproof.api.verification;

import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.api.tenant.TenantAuthentication;
import dev.ringproof.platform.control.Rfc3339;
import dev.ringproof.verification.boundary.VerificationTokens;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/tokens/redeem}: the tenant's backend turns the web widget's token into the
 * verified number, once, with a secret key of the tenant and world the token was issued in.
 */
@SecurityRequirement(name = "apiKey")
@Callers(ApiRoles.TENANT)
@Path("v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @EJB
    VerificationTokens tokens;

    @Context
    ContainerRequestContext request;

    public record RedeemedToken(String phone, String verificationId, String verifiedAt) {}

    @Tag(name = "tenant")
    @Operation(operationId = "redeemToken", summary = "Redeem a web widget's token for the verified number, once")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "RedeemTokenRequest")))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "RedeemedToken")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @POST
    @Path("redeem")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response redeem(JsonObject body) {
        var fields = Fields.of(body, "token");
        String token = fields.requiredString("token", 100);
        fields.requireValid();
        var redeemed = tokens.redeem(TenantAuthentication.caller(request), token);
        return Response.ok(new RedeemedToken(
                        redeemed.phone(), redeemed.verificationId(), Rfc3339.format(redeemed.verifiedAt())))
                .header("Cache-Control", "no-store")
                .build();
    }
}
