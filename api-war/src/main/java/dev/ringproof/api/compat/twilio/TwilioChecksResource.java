package dev.ringproof.api.compat.twilio;

import dev.ringproof.api.compat.CompatDoor;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.api.verification.CodeInput;
import dev.ringproof.ratelimit.boundary.FraudGuard;
import dev.ringproof.twilio.boundary.TwilioVerifications;
import dev.ringproof.verification.boundary.Verifications;
import dev.ringproof.verification.entity.VerificationStatus;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Twilio Verify v2's VerificationCheck of a Service: by number or by verification sid. */
@SecurityRequirement(name = "twilioBasic")
@CompatDoor("twilio")
@Callers(ApiRoles.TENANT)
@Path("compat/twilio/v2/Services/{service}/VerificationCheck")
@Produces(MediaType.APPLICATION_JSON)
public class TwilioChecksResource {

    @EJB
    TwilioVerifications twilio;

    @EJB
    Verifications verifications;

    @EJB
    FraudGuard fraudGuard;

    @Context
    ContainerRequestContext request;

    @PathParam("service")
    String service;

    @Operation(operationId = "twilioCheckVerification", summary = "Check a code (Twilio VerificationCheck)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema = @Schema(ref = "TwilioCheckRequest")))
    @APIResponse(
            responseCode = "200",
            description = "The check's outcome: approved, or pending with valid false",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TwilioVerificationCheck")))
    @APIResponse(responseCode = "400", ref = "TwilioInvalid")
    @APIResponse(responseCode = "401", ref = "TwilioUnauthorized")
    @APIResponse(responseCode = "404", ref = "TwilioNotFound")
    @APIResponse(responseCode = "429", ref = "TwilioTooMany")
    @POST
    @Tag(name = "compat-twilio")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject check(
            @FormParam("Code") String code,
            @FormParam("To") String to,
            @FormParam("VerificationSid") String verificationSid) {
        if (code == null || code.isBlank() || code.length() > 20) {
            throw TwilioError.invalidParameter("Code");
        }
        if ((to == null || to.isBlank()) && (verificationSid == null || verificationSid.isBlank())) {
            throw new TwilioError(400, 60221, "Either a 'To' number or 'VerificationSid' must be specified");
        }
        var door = TwilioCaller.of(request);
        var verification = verificationSid != null && !verificationSid.isBlank()
                ? twilio.find(
                        door.caller(),
                        service,
                        TwilioSids.verificationId(
                                verificationSid, request.getUriInfo().getPath()))
                : twilio.pendingTo(door.caller(), service, to)
                        .orElseThrow(
                                () -> TwilioError.notFound(request.getUriInfo().getPath()));
        if (verification.status() == VerificationStatus.FAILED && verification.remainingChecks() <= 0) {
            throw new TwilioError(429, 60202, "Max check attempts reached");
        }
        var checked = verifications.check(door.caller(), verification.id(), CodeInput.normalise(code.strip()));
        if (checked.valid()) {
            TwilioSids.countApproval(fraudGuard, checked.verification());
        }
        return TwilioJson.check(checked.verification(), service, door.accountSid());
    }
}
