package dev.ringproof.api.compat.twilio;

import dev.ringproof.api.compat.VendorErrors;
import dev.ringproof.api.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * Ringproof's refusals as Twilio answers them under {@code /api/compat/twilio/}: Twilio's error
 * body and the codes its SDK users handle (60200 invalid parameter, 20404 not found, 60203 and
 * 60202 the send and check limits, 20003 authentication, …). A closed verification is "not
 * found", as Twilio forgets approved, expired and canceled ones.
 */
@ApplicationScoped
public class TwilioErrors implements VendorErrors {

    @Override
    public String door() {
        return "twilio";
    }

    @Override
    public void reshape(Problem problem, ContainerRequestContext request, ContainerResponseContext response) {
        var error = twilio(problem, request.getUriInfo().getPath());
        response.setStatus(error.status());
        response.setEntity(TwilioError.body(error.status(), error.code(), error.message()));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    }

    record Shaped(int status, int code, String message) {}

    static Shaped twilio(Problem problem, String path) {
        String code = problem.code() == null ? "" : problem.code();
        return switch (code) {
            case "invalid_request", "invalid_phone" -> new Shaped(400, 60200, invalidParameter(problem, code));
            case "unauthorized" -> new Shaped(401, 20003, "Authenticate");
            case "forbidden" -> new Shaped(403, 20403, "Forbidden");
            case "country_not_permitted" ->
                new Shaped(403, 60605, "Verification delivery attempt blocked (geo permissions)");
            case "channel_not_permitted" -> new Shaped(400, 60223, "Delivery channel disabled");
            case "fraud_blocked" -> new Shaped(403, 60410, "Verification delivery attempt blocked (Fraud Guard)");
            case "not_found", "verification_closed" ->
                new Shaped(404, 20404, "The requested resource " + path + " was not found");
            case "method_not_allowed" -> new Shaped(405, 20004, "Method not allowed");
            case "unsupported_media_type" ->
                new Shaped(415, 20415, "Send the parameters as application/x-www-form-urlencoded");
            case "payload_too_large" -> new Shaped(413, 20413, "Request entity too large");
            case "unsupported_number_type" ->
                new Shaped(400, 60205, "None of the channels can reach this type of phone number");
            case "rate_limited" ->
                path.endsWith("VerificationCheck")
                        ? new Shaped(429, 60202, "Max check attempts reached")
                        : new Shaped(429, 60203, "Max send attempts reached");
            case "idempotency_in_progress" -> new Shaped(429, 60212, "Too many concurrent requests for phone number");
            case "channel_unavailable" -> new Shaped(503, 20503, "Service unavailable: no channel can send now");
            case "internal_error" -> new Shaped(500, 20500, "Internal server error");
            default ->
                problem.status() >= 500
                        ? new Shaped(500, 20500, "Internal server error")
                        : new Shaped(400, 60200, "Invalid parameter");
        };
    }

    /** Twilio names the parameter: its own names are capitalised ({@code To}, {@code Code}). */
    private static String invalidParameter(Problem problem, String code) {
        if ("invalid_phone".equals(code)) {
            return "Invalid parameter `To`: " + problem.detail();
        }
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return "Invalid parameter";
        }
        var first = problem.errors().get(0);
        String field = first.field().isEmpty()
                ? first.field()
                : first.field().substring(0, 1).toUpperCase(Locale.ROOT)
                        + first.field().substring(1);
        return "Invalid parameter `" + field + "`: " + first.message();
    }
}
