package dev.ringproof.api.compat.sinch;

import dev.ringproof.api.compat.CompatDoor;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.api.tenant.TenantAuthentication;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.platform.control.PublicUrl;
import dev.ringproof.ratelimit.boundary.FraudGuard;
import dev.ringproof.tenant.boundary.TenantCaller;
import dev.ringproof.verification.boundary.VerificationHistory;
import dev.ringproof.verification.boundary.VerificationHistory.Criteria;
import dev.ringproof.verification.boundary.Verifications;
import dev.ringproof.verification.entity.Verification;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sinch Verification v1 under {@code /api/compat/sinch}: start a flash call, an SMS or a
 * callout, report what the handset saw, read the status. A thin door: every call is the
 * tenant API's own use case, with its limits, fraud guard, ledger and webhooks; errors leave
 * in Sinch's shape ({@link SinchErrors}).
 */
@SecurityRequirement(name = "sinchBasic")
@CompatDoor(SinchRequests.DOOR)
@Callers(ApiRoles.TENANT)
@Path("compat/sinch/verification/v1/verifications")
@Produces(MediaType.APPLICATION_JSON)
public class SinchVerificationsResource {

    private static final Logger LOG = Logger.getLogger(SinchVerificationsResource.class.getName());

    private final PublicUrl publicUrl = PublicUrl.configured();

    @EJB
    Verifications verifications;

    @EJB
    VerificationHistory history;

    @EJB
    FraudGuard fraudGuard;

    @Inject
    Clock clock;

    @Context
    ContainerRequestContext request;

    @Context
    HttpServletRequest servletRequest;

    @Operation(
            operationId = "sinchStartVerification",
            summary = "Sinch: start a flashcall, sms or callout verification")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SinchStartRequest")))
    @APIResponse(
            responseCode = "200",
            description = "Started",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SinchStarted")))
    @APIResponse(responseCode = "400", ref = "SinchInvalid")
    @APIResponse(responseCode = "401", ref = "SinchUnauthorized")
    @APIResponse(responseCode = "403", ref = "SinchForbidden")
    @APIResponse(responseCode = "429", ref = "SinchRateLimited")
    @POST
    @Tag(name = "compat-sinch")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject start(JsonObject body) {
        var start = SinchRequests.start(body, servletRequest.getRemoteAddr());
        var verification = verifications.start(caller(), start.command(), null);
        return SinchJson.started(verification, start.method(), publicUrl.base(), OffsetDateTime.now(clock));
    }

    @Operation(operationId = "sinchReportById", summary = "Sinch: report the flash call's CLI or the code, by id")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SinchReportRequest")))
    @APIResponse(
            responseCode = "200",
            description = "The report's outcome",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SinchReported")))
    @APIResponse(responseCode = "400", ref = "SinchInvalid")
    @APIResponse(responseCode = "401", ref = "SinchUnauthorized")
    @APIResponse(responseCode = "404", ref = "SinchNotFound")
    @APIResponse(responseCode = "429", ref = "SinchRateLimited")
    @PUT
    @Tag(name = "compat-sinch")
    @Path("id/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject reportById(@PathParam("id") String id, JsonObject body) {
        var report = SinchRequests.report(body);
        return report(ours(id), report);
    }

    @Operation(
            operationId = "sinchReportByNumber",
            summary = "Sinch: report the flash call's CLI or the code, for the number's pending verification")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SinchReportRequest")))
    @APIResponse(
            responseCode = "200",
            description = "The report's outcome",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SinchReported")))
    @APIResponse(responseCode = "400", ref = "SinchInvalid")
    @APIResponse(responseCode = "401", ref = "SinchUnauthorized")
    @APIResponse(responseCode = "404", ref = "SinchNotFound")
    @APIResponse(responseCode = "429", ref = "SinchRateLimited")
    @PUT
    @Tag(name = "compat-sinch")
    @Path("number/{endpoint}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject reportByNumber(@PathParam("endpoint") String endpoint, JsonObject body) {
        var report = SinchRequests.report(body);
        var pending = newest(new Criteria(null, null, endpoint, "pending", null, null, null));
        return report(pending.id(), report);
    }

    @Operation(operationId = "sinchStatusById", summary = "Sinch: a verification's status, by id")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SinchStatus")))
    @APIResponse(responseCode = "401", ref = "SinchUnauthorized")
    @APIResponse(responseCode = "404", ref = "SinchNotFound")
    @GET
    @Tag(name = "compat-sinch")
    @Path("id/{id}")
    public JsonObject statusById(@PathParam("id") String id) {
        return SinchJson.status(verifications.find(caller(), ours(id)));
    }

    @Operation(
            operationId = "sinchStatusByReference",
            summary = "Sinch: the status of the newest verification with this reference")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SinchStatus")))
    @APIResponse(responseCode = "401", ref = "SinchUnauthorized")
    @APIResponse(responseCode = "404", ref = "SinchNotFound")
    @GET
    @Tag(name = "compat-sinch")
    @Path("reference/{reference}")
    public JsonObject statusByReference(@PathParam("reference") String reference) {
        if (reference.length() > SinchRequests.MAX_REFERENCE) {
            throw Refusal.notFound("verification");
        }
        var newest = newest(new Criteria(null, null, null, null, reference, null, null));
        // read again through the use case: it expires a verification whose time is up
        return SinchJson.status(verifications.find(caller(), newest.id()));
    }

    /**
     * Checks the report as the tenant API's check does. A report on a verification that is no
     * longer pending answers where it stands (SUCCESSFUL, FAIL with its reason, ABORTED).
     */
    private JsonObject report(String id, SinchRequests.Report report) {
        Verifications.Checked checked;
        try {
            checked = verifications.check(caller(), id, report.code());
        } catch (Refusal refusal) {
            if (refusal.reason() != Refusal.Reason.VERIFICATION_CLOSED) {
                throw refusal;
            }
            return SinchJson.reported(verifications.find(caller(), id), report.method(), false);
        }
        if (checked.valid()) {
            var approved = checked.verification();
            try {
                fraudGuard.approved(approved.phone(), approved.isTestMode());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Prefix traffic not counted", e);
            }
        }
        return SinchJson.reported(checked.verification(), report.method(), checked.valid());
    }

    /** The newest of the caller's own verifications (its tenant, its world) that fit; else Sinch's 404. */
    private Verification newest(Criteria criteria) {
        return history.ownPage(caller(), criteria, null, 1).items().stream()
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("verification"));
    }

    /** Our id for a Sinch id; one that cannot be ours is unknown, like another tenant's. */
    private static String ours(String sinchId) {
        return SinchJson.ourId(sinchId).orElseThrow(() -> Refusal.notFound("verification"));
    }

    private TenantCaller caller() {
        return TenantAuthentication.caller(request);
    }
}
