package dev.ringproof.api.compat.twilio;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An answer in Twilio's error shape, {@code {code, message, more_info, status}}: the SDK reads
 * the status and code from the body and raises them to the tenant's code as an ApiException.
 */
public class TwilioError extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public TwilioError(int status, int code, String message) {
        super(response(status, code, message));
    }

    public static TwilioError invalidParameter(String parameter) {
        return new TwilioError(400, 60200, "Invalid parameter `" + parameter + "`");
    }

    public static TwilioError notFound(String path) {
        return new TwilioError(404, 20404, "The requested resource " + path + " was not found");
    }

    static JsonObject body(int status, int code, String message) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("message", message)
                .add("more_info", "https://www.twilio.com/docs/errors/" + code)
                .add("status", status)
                .build();
    }

    static Response response(int status, int code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(status, code, message))
                .build();
    }
}
