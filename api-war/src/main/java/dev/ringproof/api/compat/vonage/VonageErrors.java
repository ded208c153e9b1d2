package dev.ringproof.api.compat.vonage;

import dev.ringproof.api.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The Vonage door's errors in Vonage's shape: {@code application/problem+json} with Vonage's
 * {@code type}s and statuses, which the SDK raises as {@code VerifyResponseException} with
 * that status, type and title. Ringproof's own refusals are translated by their code.
 */
@ApplicationScoped
public class VonageErrors implements dev.ringproof.api.compat.VendorErrors {

    static final String ERRORS = "https://www.developer.vonage.com/api-errors";
    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    /** Vonage's problem body; {@code request_id} and {@code invalid_parameters} only where they apply. */
    public record VonageProblem(
            String type,
            String title,
            String detail,
            String instance,
            String requestId,
            List<InvalidParameter> invalidParameters) {}

    public record InvalidParameter(String name, String reason) {}

    @Override
    public String door() {
        return VonageVerifyResource.DOOR;
    }

    @Override
    public void reshape(Problem problem, ContainerRequestContext request, ContainerResponseContext response) {
        var shaped = shape(problem);
        response.setStatus(shaped.status());
        response.setEntity(shaped.body(), new Annotation[0], PROBLEM);
    }

    record Shaped(int status, VonageProblem body) {}

    static Shaped shape(Problem problem) {
        String code = problem.code() == null ? "" : problem.code();
        return switch (code) {
            case "invalid_request" ->
                problem.errors() == null || problem.errors().isEmpty()
                        ? problem.status() == 422
                                ? shaped(409, ERRORS + "/verify#conflict", "Conflict", problem.detail())
                                : shaped(400, ERRORS + "#bad-request", "Bad Request", problem.detail())
                        : new Shaped(
                                422,
                                body(
                                        ERRORS + "#invalid-params",
                                        "Invalid params",
                                        "The value of one or more parameters is invalid.",
                                        null,
                                        problem.errors().stream()
                                                .map(e -> new InvalidParameter(e.field(), e.message()))
                                                .toList()));
            case "invalid_phone", "unsupported_number_type" ->
                new Shaped(
                        422,
                        body(
                                ERRORS + "#invalid-params",
                                "Invalid params",
                                "The value of one or more parameters is invalid.",
                                null,
                                List.of(new InvalidParameter("workflow[0].to", problem.detail()))));
            case "unauthorized" ->
                shaped(401, ERRORS + "#unauthorized", "Unauthorized", "You did not provide correct credentials.");
            case "forbidden", "country_not_permitted", "channel_not_permitted", "fraud_blocked" ->
                shaped(403, ERRORS + "#forbidden", "Forbidden", problem.detail());
            case "not_found", "verification_closed" ->
                shaped(
                        404,
                        ERRORS + "#not-found",
                        "Not Found",
                        "The request was not found, or it has been verified already.");
            case "rate_limited" ->
                shaped(429, ERRORS + "#throttled", "Rate Limit Hit", "Please wait, then retry your request.");
            case "method_not_allowed", "not_acceptable", "payload_too_large", "unsupported_media_type" ->
                shaped(problem.status(), ERRORS + "#bad-request", problem.title(), problem.detail());
            default ->
                problem.status() >= 500
                        ? shaped(problem.status(), ERRORS + "#internal-error", "Internal Error", problem.detail())
                        : shaped(problem.status(), ERRORS + "#bad-request", "Bad Request", problem.detail());
        };
    }

    /** A wrong code: 400, the verification goes on. */
    static Response invalidCode(String requestId) {
        return Response.status(400)
                .type(PROBLEM)
                .entity(body(
                        ERRORS + "/verify#invalid-code",
                        "Invalid Code",
                        "The code you provided does not match the expected value.",
                        requestId.toLowerCase(Locale.ROOT),
                        null))
                .build();
    }

    /** A wrong code too many: 410, the workflow has ended. */
    static Response tooManyWrongCodes(String requestId) {
        return Response.status(410)
                .type(PROBLEM)
                .entity(body(
                        ERRORS + "/verify#expired",
                        "Invalid Code",
                        "An incorrect code has been provided too many times. Workflow terminated.",
                        requestId.toLowerCase(Locale.ROOT),
                        null))
                .build();
    }

    private static Shaped shaped(int status, String type, String title, String detail) {
        return new Shaped(status, body(type, title, detail, null, null));
    }

    private static VonageProblem body(
            String type, String title, String detail, String requestId, List<InvalidParameter> invalid) {
        return new VonageProblem(type, title, detail, UUID.randomUUID().toString(), requestId, invalid);
    }
}
