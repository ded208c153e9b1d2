package dev.ringproof.api.compat.twilio;

import dev.ringproof.api.compat.CompatDoor;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.ratelimit.boundary.FraudGuard;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.twilio.boundary.TwilioVerifications;
import dev.ringproof.verification.boundary.Verifications;
import dev.ringproof.verification.entity.VerificationStatus;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Twilio Verify v2's Verifications of a Service: a door into the native use cases, so limits,
 * the fraud guard, the ledger and webhooks see them as native traffic.
 */
@SecurityRequirement(name = "twilioBasic")
@CompatDoor("twilio")
@Callers(ApiRoles.TENANT)
@Path("compat/twilio/v2/Services/{service}/Verifications")
@Produces(MediaType.APPLICATION_JSON)
public class TwilioVerificationsResource {

    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final int MAX_BRAND = 30;

    @EJB
    TwilioVerifications twilio;

    @EJB
    Verifications verifications;

    @EJB
    FraudGuard fraudGuard;

    @Context
    ContainerRequestContext request;

    @Context
    HttpServletRequest servletRequest;

    @PathParam("service")
    String service;

    @Operation(operationId = "twilioCreateVerification", summary = "Start or re-send a verification (Twilio)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema = @Schema(ref = "TwilioCreateVerificationRequest")))
    @APIResponse(
            responseCode = "201",
            description = "Created, or re-sent on the pending verification to this number",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TwilioVerification")))
    @APIResponse(responseCode = "400", ref = "TwilioInvalid")
    @APIResponse(responseCode = "401", ref = "TwilioUnauthorized")
    @APIResponse(responseCode = "403", ref = "TwilioForbidden")
    @APIResponse(responseCode = "404", ref = "TwilioNotFound")
    @APIResponse(responseCode = "429", ref = "TwilioTooMany")
    @POST
    @Tag(name = "compat-twilio")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @FormParam("To") String to,
            @FormParam("Channel") String channel,
            @FormParam("Locale") String locale,
            @FormParam("CustomFriendlyName") String brand,
            @FormParam("CustomCode") String customCode) {
        if (to == null || to.isBlank()) {
            throw TwilioError.invalidParameter("To");
        }
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            throw TwilioError.invalidParameter("Locale");
        }
        if (brand != null && (brand.isBlank() || brand.length() > MAX_BRAND)) {
            throw TwilioError.invalidParameter("CustomFriendlyName");
        }
        if (customCode != null) {
            throw new TwilioError(400, 60200, "Invalid parameter `CustomCode`: custom codes are not supported");
        }
        var door = TwilioCaller.of(request);
        var start = new TwilioVerifications.Start(
                to, channel(channel), locale, brand == null ? null : brand.strip(), servletRequest.getRemoteAddr());
        var verification = twilio.start(door.caller(), service, start);
        return Response.created(URI.create(
                        "/api/compat/twilio/v2/Services/" + service + "/Verifications/" + TwilioJson.sid(verification)))
                .entity(TwilioJson.verification(verification, service, door.accountSid(), door.base()))
                .build();
    }

    @Operation(operationId = "twilioFetchVerification", summary = "Fetch a pending verification (Twilio)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TwilioVerification")))
    @APIResponse(responseCode = "401", ref = "TwilioUnauthorized")
    @APIResponse(responseCode = "404", ref = "TwilioNotFound")
    @GET
    @Tag(name = "compat-twilio")
    @Path("{sid}")
    public JsonObject fetch(@PathParam("sid") String sid) {
        var door = TwilioCaller.of(request);
        var verification = twilio.find(door.caller(), service, id(sid));
        if (!verification.isPending()) {
            throw TwilioError.notFound(request.getUriInfo().getPath());
        }
        return TwilioJson.verification(verification, service, door.accountSid(), door.base());
    }

    @Operation(operationId = "twilioUpdateVerification", summary = "Cancel or approve a verification (Twilio)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema = @Schema(ref = "TwilioUpdateVerificationRequest")))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "TwilioVerification")))
    @APIResponse(responseCode = "400", ref = "TwilioInvalid")
    @APIResponse(responseCode = "401", ref = "TwilioUnauthorized")
    @APIResponse(responseCode = "404", ref = "TwilioNotFound")
    @POST
    @Tag(name = "compat-twilio")
    @Path("{sid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject update(@PathParam("sid") String sid, @FormParam("Status") String status) {
        var door = TwilioCaller.of(request);
        if (!"canceled".equals(status) && !"approved".equals(status)) {
            throw TwilioError.invalidParameter("Status");
        }
        String id = twilio.find(door.caller(), service, id(sid)).id();
        var verification = "canceled".equals(status)
                ? verifications.cancel(door.caller(), id)
                : verifications.approve(door.caller(), id);
        if (verification.status() == VerificationStatus.APPROVED) {
            TwilioSids.countApproval(fraudGuard, verification);
        }
        return TwilioJson.verification(verification, service, door.accountSid(), door.base());
    }

    /** Twilio's channels onto ours; {@code auto} and {@code missed_call} (null) are the workflow, missed call first. */
    private static Channel channel(String channel) {
        if (channel == null || channel.isEmpty()) {
            throw TwilioError.invalidParameter("Channel");
        }
        return switch (channel) {
            case "sms" -> Channel.SMS;
            case "call" -> Channel.VOICE;
            case "auto", "missed_call" -> null;
            case "email", "whatsapp", "sna" ->
                throw new TwilioError(
                        400, 60223, "Delivery channel disabled: '" + channel + "' is not offered by Ringproof");
            default -> throw TwilioError.invalidParameter("Channel");
        };
    }

    private String id(String sid) {
        return TwilioSids.verificationId(sid, request.getUriInfo().getPath());
    }
}
