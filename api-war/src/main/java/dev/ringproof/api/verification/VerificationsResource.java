package dev.ringproof.api.verification;

import dev.ringproof.api.json.Fields;
import dev.ringproof.api.security.ApiRoles;
import dev.ringproof.api.security.Callers;
import dev.ringproof.api.tenant.TenantAuthentication;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.ratelimit.boundary.FraudGuard;
import dev.ringproof.tenant.boundary.TenantCaller;
import dev.ringproof.verification.boundary.IdempotencyKeys;
import dev.ringproof.verification.boundary.VerificationHistory;
import dev.ringproof.verification.boundary.VerificationHistory.Criteria;
import dev.ringproof.verification.boundary.VerificationJson;
import dev.ringproof.verification.boundary.Verifications;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.codec.digest.DigestUtils;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant API: {@code /api/v1/verifications}. */
@SecurityRequirement(name = "apiKey")
@Callers(ApiRoles.TENANT)
@Path("v1/verifications")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class VerificationsResource {

    static final int MAX_IDEMPOTENCY_KEY = 255;
    private static final Logger LOG = Logger.getLogger(VerificationsResource.class.getName());

    @EJB
    Verifications verifications;

    @EJB
    IdempotencyKeys idempotencyKeys;

    @EJB
    VerificationHistory history;

    @EJB
    FraudGuard fraudGuard;

    @Tag(name = "tenant")
    @Operation(operationId = "startVerification", summary = "Start a verification")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "StartVerificationRequest")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Verification")))
    @APIResponse(
            responseCode = "200",
            description = "Replay of an earlier request with the same Idempotency-Key",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Verification")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @Callers({ApiRoles.TENANT, ApiRoles.PUBLISHABLE})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(
            JsonObject body,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context ContainerRequestContext request,
            @Context HttpServletRequest servletRequest) {
        TenantCaller caller = TenantAuthentication.caller(request);
        var command = StartRequest.read(body, servletRequest.getRemoteAddr(), caller.publishable());
        if (idempotencyKey == null) {
            return created(verifications.start(caller, command, null));
        }
        if (idempotencyKey.isEmpty()
                || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY
                || !idempotencyKey.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw Refusal.invalid("Idempotency-Key", "must be 1-255 visible ASCII characters");
        }
        var outcome = idempotencyKeys.claim(
                caller.tenantId(), caller.test(), idempotencyKey, DigestUtils.sha256Hex(body.toString()));
        if (outcome instanceof IdempotencyKeys.Replay replay) {
            var earlier = verifications.find(caller, replay.verificationId());
            return Response.status(replay.status())
                    .location(location(earlier.id()))
                    .header("Idempotent-Replayed", "true")
                    .entity(json(earlier))
                    .build();
        }
        var claim = (IdempotencyKeys.Claim) outcome;
        try {
            return created(verifications.start(caller, command, claim));
        } catch (RuntimeException e) {
            idempotencyKeys.release(claim);
            throw e;
        }
    }

    /** The caller's own verifications of its key's world, newest first, a page at a time. */
    @Tag(name = "tenant")
    @Operation(operationId = "listVerifications", summary = "List and search the key's own verifications")
    @APIResponse(
            responseCode = "200",
            description = "A page: items, newest first, and next_cursor",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "VerificationPage")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    public JsonObject list(
            @QueryParam("status") String status,
            @QueryParam("phone") String phone,
            @QueryParam("reference") String reference,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context ContainerRequestContext request) {
        var criteria = new Criteria(
                null,
                null,
                phone,
                status,
                reference,
                VerificationPages.day("from", from),
                VerificationPages.day("to", to));
        var page =
                history.ownPage(caller(request), criteria, PageCursor.decode(cursor), VerificationPages.limit(limit));
        return VerificationPages.json(page, VerificationJson::of);
    }

    @Tag(name = "tenant")
    @Operation(operationId = "getVerification", summary = "Get a verification")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Verification")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Callers({ApiRoles.TENANT, ApiRoles.PUBLISHABLE})
    @GET
    @Path("{id}")
    public JsonObject find(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return json(verifications.find(caller(request), id));
    }

    @Tag(name = "tenant")
    @Operation(operationId = "checkVerification", summary = "Check a code or calling number")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "CheckVerificationRequest")))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Verification")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @Callers({ApiRoles.TENANT, ApiRoles.PUBLISHABLE})
    @POST
    @Path("{id}/check")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject check(@PathParam("id") String id, JsonObject body, @Context ContainerRequestContext request) {
        var fields = Fields.of(body, "code");
        String code = fields.requiredString("code", 20);
        fields.requireValid();
        var checked = verifications.check(caller(request), id, CodeInput.normalise(code));
        if (checked.valid()) {
            var approved = checked.verification();
            count(() -> fraudGuard.approved(approved.phone(), approved.isTestMode()));
        }
        var json = VerificationJson.checked(checked.verification(), checked.valid());
        return checked.token() == null
                ? json
                : jakarta.json.Json.createObjectBuilder(json)
                        .add("token", checked.token())
                        .build();
    }

    @Tag(name = "tenant")
    @Operation(operationId = "cancelVerification", summary = "Cancel a pending verification")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Verification")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @POST
    @Path("{id}/cancel")
    public JsonObject cancel(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return json(verifications.cancel(caller(request), id));
    }

    @Tag(name = "tenant")
    @Operation(operationId = "startNextChannel", summary = "Fall back to the next channel now")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Verification")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @POST
    @Path("{id}/next")
    public JsonObject next(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return json(verifications.next(caller(request), id));
    }

    /** A count that fails leaves the committed check standing: the watches see one fewer approval. */
    private static void count(Runnable count) {
        try {
            count.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Prefix traffic not counted", e);
        }
    }

    private static JsonObject json(dev.ringproof.verification.entity.Verification verification) {
        return VerificationJson.of(verification).build();
    }

    private static TenantCaller caller(ContainerRequestContext request) {
        return TenantAuthentication.caller(request);
    }

    private static Response created(dev.ringproof.verification.entity.Verification v) {
        return Response.created(location(v.id())).entity(json(v)).build();
    }

    private static URI location(String id) {
        return URI.create("/api/v1/verifications/" + id);
    }
}
