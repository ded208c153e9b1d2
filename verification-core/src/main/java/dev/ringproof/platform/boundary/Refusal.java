package dev.ringproof.platform.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request the domain turns down, for a reason the caller can act on. Rolls the
 * transaction back, so a refused request changes nothing. api-war maps the reason to
 * the API's error code (docs/api.md); the message is written for the client.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final transient List<FieldProblem> fieldProblems;

    public Refusal(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public Refusal(Reason reason, String message, List<FieldProblem> fieldProblems) {
        super(message, null, false, false);
        this.reason = reason;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(
                Reason.INVALID_REQUEST, "See errors for what to correct.", List.of(new FieldProblem(field, message)));
    }

    public static Refusal notFound(String what) {
        return new Refusal(Reason.NOT_FOUND, "No such " + what + ".");
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    public record FieldProblem(String field, String message) {}

    /** Why; each maps to one error code of the API (docs/api.md, Errors). */
    public enum Reason {
        INVALID_REQUEST,
        INVALID_STATE,
        INVALID_PHONE,
        FORBIDDEN,
        COUNTRY_NOT_PERMITTED,
        CHANNEL_NOT_PERMITTED,
        FRAUD_BLOCKED,
        NOT_FOUND,
        VERIFICATION_CLOSED,
        IDEMPOTENCY_IN_PROGRESS,
        IDEMPOTENCY_KEY_REUSED,
        UNSUPPORTED_NUMBER_TYPE,
        RATE_LIMITED,
        CHANNEL_UNAVAILABLE
    }
}
