package dev.ringproof.api.problem;

import java.util.Locale;

/** The API's error codes (docs/api.md, Errors), each with its HTTP status and a title for people. */
public enum ErrorCode {
    INVALID_REQUEST(400, "The request is not valid"),
    INVALID_PHONE(400, "The phone number is not valid"),
    UNAUTHORIZED(401, "Authentication is required"),
    FORBIDDEN(403, "Not allowed"),
    COUNTRY_NOT_PERMITTED(403, "The destination country is not permitted"),
    CHANNEL_NOT_PERMITTED(403, "The channel is not permitted"),
    FRAUD_BLOCKED(403, "Blocked by the fraud guard"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "No acceptable representation"),
    VERIFICATION_CLOSED(409, "The verification is no longer pending"),
    IDEMPOTENCY_IN_PROGRESS(409, "A request with this Idempotency-Key is still running"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported content type"),
    IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was used with another request"),
    /** A well-formed request that the resource's state does not allow (docs/api.md: 422 invalid_request). */
    INVALID_STATE(422, "invalid_request", "The request does not fit the resource's state"),
    UNSUPPORTED_NUMBER_TYPE(422, "No channel can reach this type of number"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL_ERROR(500, "Something went wrong on our side"),
    CHANNEL_UNAVAILABLE(503, "The service is temporarily unavailable");

    private final int status;
    private final String code;
    private final String title;

    ErrorCode(int status, String title) {
        this(status, null, title);
    }

    ErrorCode(int status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String wireName() {
        return code != null ? code : name().toLowerCase(Locale.ROOT);
    }
}
