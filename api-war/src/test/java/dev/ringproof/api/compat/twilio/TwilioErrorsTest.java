package dev.ringproof.api.compat.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwilioErrorsTest {

    private static final String START = "compat/twilio/v2/Services/VA1/Verifications";
    private static final String CHECK = "compat/twilio/v2/Services/VA1/VerificationCheck";

    @Test
    void anInvalidFieldIsTwiliosInvalidParameterNamedTheTwilioWay() {
        var problem = Problem.invalid(List.of(new Problem.FieldError("code", "is too short")));

        var shaped = TwilioErrors.twilio(problem, CHECK);

        assertThat(shaped).isEqualTo(new TwilioErrors.Shaped(400, 60200, "Invalid parameter `Code`: is too short"));
    }

    @Test
    void rateLimitsAreTheSendLimitOnStartsAndTheCheckLimitOnChecks() {
        var limited = Problem.of(ErrorCode.RATE_LIMITED, "Too many.");

        assertThat(TwilioErrors.twilio(limited, START).code()).isEqualTo(60203);
        assertThat(TwilioErrors.twilio(limited, CHECK).code()).isEqualTo(60202);
        assertThat(TwilioErrors.twilio(limited, CHECK).status()).isEqualTo(429);
    }

    @Test
    void aClosedVerificationIsGoneAsAtTwilio() {
        var closed = TwilioErrors.twilio(Problem.of(ErrorCode.VERIFICATION_CLOSED, "Closed."), START + "/VE1");

        assertThat(closed.status()).isEqualTo(404);
        assertThat(closed.code()).isEqualTo(20404);
        assertThat(closed.message()).contains(START + "/VE1");
    }

    @Test
    void everyErrorCodeGetsATwilioCodeAndNoUnexpected5xx() {
        for (ErrorCode code : ErrorCode.values()) {
            var shaped = TwilioErrors.twilio(Problem.of(code, "Detail."), START);

            assertThat(shaped.code()).as(code.name()).isGreaterThanOrEqualTo(20000);
            assertThat(shaped.status() >= 500)
                    .as(code + " is a 5xx only when nothing was sent")
                    .isEqualTo(code == ErrorCode.INTERNAL_ERROR || code == ErrorCode.CHANNEL_UNAVAILABLE);
        }
        assertThat(TwilioErrors.twilio(Problem.of(ErrorCode.UNAUTHORIZED, "No."), START))
                .isEqualTo(new TwilioErrors.Shaped(401, 20003, "Authenticate"));
    }
}
