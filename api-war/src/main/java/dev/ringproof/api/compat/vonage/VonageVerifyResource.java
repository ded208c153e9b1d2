package dev.ringproof.api.compat.vonage;

import dev.ringproof.api.compat.CompatDoor;
import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.api.tenant.TenantAuthentication;
import dev.ringproof.api.verification.CodeInput;
import dev.ringproof.ratelimit.boundary.FraudGuard;
import dev.ringproof.tenant.boundary.TenantCaller;
import dev.ringproof.verification.boundary.Verifications;
import dev.ringproof.verification.entity.VerificationStatus;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
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
 * Vonage Verify v2 at {@code /api/compat/vonage/v2/verify}, for Vonage's SDKs pointed here:
 * a thin door into the same start, check, cancel and next as the native API. A
 * {@code request_id} is the verification id's 128 bits as a UUID; errors are shaped by
 * {@link VonageErrors}.
 */
@SecurityRequirement(name = "vonageBasic")
@SecurityRequirement(name = "vonageJwt")
@CompatDoor(VonageVerifyResource.DOOR)
@Callers(ApiRoles.TENANT)
@Path("compat/vonage/v2/verify")
@Produces(MediaType.APPLICATION_JSON)
public class VonageVerifyResource {

    static final String DOOR = "vonage";
    private static final Logger LOG = Logger.getLogger(VonageVerifyResource.class.getName());

    @EJB
    Verifications verifications;

    @EJB
    FraudGuard fraudGuard;

    @Context
    ContainerRequestContext request;

    @Context
    HttpServletRequest servletRequest;

    @Operation(operationId = "vonageStartVerification", summary = "Vonage: start a verification")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "VonageVerifyRequest")))
    @APIResponse(
            responseCode = "202",
            description = "Accepted",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "VonageVerifyAccepted")))
    @APIResponse(responseCode = "401", ref = "VonageProblem")
    @APIResponse(responseCode = "409", ref = "VonageProblem")
    @APIResponse(responseCode = "422", ref = "VonageProblem")
    @APIResponse(responseCode = "429", ref = "VonageProblem")
    @POST
    @Tag(name = "compat-vonage")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(JsonObject body) {
        var command = VonageStartRequest.read(body, servletRequest.getRemoteAddr());
        var verification = verifications.startUnlessPending(caller(), command);
        return Response.accepted(Map.of("request_id", VonageRequestIds.of(verification.id())))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @Operation(operationId = "vonageCheckCode", summary = "Vonage: check a code")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "VonageCheckRequest")))
    @APIResponse(
            responseCode = "200",
            description = "The code was right",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "VonageCheckResponse")))
    @APIResponse(responseCode = "400", ref = "VonageProblem")
    @APIResponse(responseCode = "404", ref = "VonageProblem")
    @APIResponse(responseCode = "410", ref = "VonageProblem")
    @APIResponse(responseCode = "429", ref = "VonageProblem")
    @POST
    @Tag(name = "compat-vonage")
    @Path("{requestId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response check(@PathParam("requestId") String requestId, JsonObject body) {
        String id = VonageRequestIds.verificationId(requestId);
        var fields = Fields.of(body, "code");
        String code = fields.requiredString("code", 20);
        fields.requireValid();
        var checked = verifications.check(caller(), id, CodeInput.normalise(code));
        var verification = checked.verification();
        if (checked.valid()) {
            count(() -> fraudGuard.approved(verification.phone(), verification.isTestMode()));
            return Response.ok(
                            Map.of("request_id", requestId.toLowerCase(java.util.Locale.ROOT), "status", "completed"))
                    .build();
        }
        return verification.status() == VerificationStatus.FAILED
                ? VonageErrors.tooManyWrongCodes(requestId)
                : VonageErrors.invalidCode(requestId);
    }

    @Operation(operationId = "vonageNextWorkflow", summary = "Vonage: move on to the next workflow now")
    @APIResponse(responseCode = "200", description = "Moved on")
    @APIResponse(responseCode = "404", ref = "VonageProblem")
    @APIResponse(responseCode = "409", ref = "VonageProblem")
    @POST
    @Tag(name = "compat-vonage")
    @Path("{requestId}/next-workflow")
    public Response nextWorkflow(@PathParam("requestId") String requestId) {
        verifications.next(caller(), VonageRequestIds.verificationId(requestId));
        return Response.ok().build();
    }

    @Operation(operationId = "vonageNextWorkflowUnderscore", summary = "Vonage: next workflow (the newer SDKs' path)")
    @APIResponse(responseCode = "200", description = "Moved on")
    @APIResponse(responseCode = "404", ref = "VonageProblem")
    @APIResponse(responseCode = "409", ref = "VonageProblem")
    @POST
    @Tag(name = "compat-vonage")
    @Path("{requestId}/next_workflow")
    public Response nextWorkflowUnderscore(@PathParam("requestId") String requestId) {
        return nextWorkflow(requestId);
    }

    @Operation(operationId = "vonageCancelVerification", summary = "Vonage: cancel a verification")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "404", ref = "VonageProblem")
    @DELETE
    @Tag(name = "compat-vonage")
    @Path("{requestId}")
    public Response cancel(@PathParam("requestId") String requestId) {
        verifications.cancel(caller(), VonageRequestIds.verificationId(requestId));
        return Response.noContent().build();
    }

    /** A count that fails leaves the committed check standing: the watches see one fewer approval. */
    private static void count(Runnable count) {
        try {
            count.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Prefix traffic not counted", e);
        }
    }

    private TenantCaller caller() {
        return TenantAuthentication.caller(request);
    }
}
