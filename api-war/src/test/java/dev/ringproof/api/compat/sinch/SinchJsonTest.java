package dev.ringproof.api.compat.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import dev.ringproof.tenant.entity.Channel;
import dev.ringproof.verification.entity.Verification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SinchJsonTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 29, 5, 0, 0, 0, ZoneOffset.UTC);

    private static Verification flashCall(String cliPrefix, int codeLength) {
        var verification = new Verification(
                "vf_aaaaaaaaaaaaaaaaaaaaaaaaaa",
                "tn_x",
                false,
                new Verification.Destination("+447400123456", "GB", "ref", "en", null),
                List.of(Channel.MISSED_CALL),
                5,
                NOW,
                NOW.plusMinutes(10));
        verification.startAttempt("at_1", Channel.MISSED_CALL, cliPrefix, codeLength, "hash", NOW, NOW.plusSeconds(30));
        return verification;
    }

    @Test
    void theCliFilterMatchesEveryCliOfThePrefixAndCodeLength() {
        var filter = Pattern.compile(
                SinchJson.cliFilter(flashCall("+44207946", 4).currentAttempt().orElseThrow()));

        assertThat(filter.pattern()).isEqualTo("^\\+44207946[0-9]{4}$");
        for (String cli : List.of("+442079460000", "+442079461234", "+442079469999")) {
            assertThat(filter.matcher(cli).matches()).as(cli).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "442079461234",
                "+4420794612345",
                "+44207946123",
                "+442079471234",
                "+442079461a34",
                "0442079461234",
                "+44207946 1234",
                "x+442079461234"
            })
    void theCliFilterMatchesNoOtherNumber(String cli) {
        var filter = Pattern.compile(
                SinchJson.cliFilter(flashCall("+44207946", 4).currentAttempt().orElseThrow()));

        assertThat(filter.matcher(cli).matches()).isFalse();
    }

    @Test
    void theCliFilterFollowsTheCodeLength() {
        var filter = Pattern.compile(
                SinchJson.cliFilter(flashCall("+4420794", 6).currentAttempt().orElseThrow()));

        assertThat(filter.matcher("+4420794123456").matches()).isTrue();
        assertThat(filter.matcher("+442079412345").matches()).isFalse();
    }

    @Test
    void aStartedFlashCallSaysHowLongItWaits() {
        var started = SinchJson.started(flashCall("+44207946", 4), SinchMethod.FLASHCALL, "", NOW);

        assertThat(started.getString("id")).matches("[0-9a-f]{32}");
        assertThat(SinchJson.ourId(started.getString("id"))).hasValue("vf_aaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(started.getString("method")).isEqualTo("flashcall");
        var flashCall = started.getJsonObject("flashCall");
        assertThat(flashCall.getInt("interceptionTimeout")).isEqualTo(30);
        assertThat(flashCall.getInt("reportTimeout")).isEqualTo(600);
        assertThat(started.getJsonArray("_links").getJsonObject(1).getString("href"))
                .isEqualTo(SinchJson.BASE + "/id/" + started.getString("id"));
    }

    @Test
    void statusesAndReasonsAreSinchs() {
        var verification = flashCall("+44207946", 4);
        assertThat(SinchJson.sinchStatus(verification)).isEqualTo("PENDING");
        verification.expireIfDue(NOW.plusMinutes(10));
        assertThat(SinchJson.sinchStatus(verification)).isEqualTo("FAIL");
        assertThat(SinchJson.reason(verification)).hasValue("Expired");
        var canceled = flashCall("+44207946", 4);
        canceled.cancel(NOW);
        assertThat(SinchJson.sinchStatus(canceled)).isEqualTo("ABORTED");
    }

    @Test
    void errorsTakeSinchsCodes() {
        assertThat(SinchErrors.errorCode(Problem.of(ErrorCode.INVALID_PHONE, "x"), 400))
                .isEqualTo(40001);
        var unsupported = Problem.of(ErrorCode.UNSUPPORTED_NUMBER_TYPE, "x");
        assertThat(SinchErrors.status(unsupported)).isEqualTo(400);
        assertThat(SinchErrors.errorCode(unsupported, 400)).isEqualTo(40003);
        for (var code : List.of(ErrorCode.UNAUTHORIZED, ErrorCode.NOT_FOUND, ErrorCode.RATE_LIMITED)) {
            var problem = Problem.of(code, "x");
            assertThat(SinchErrors.errorCode(problem, SinchErrors.status(problem)))
                    .isEqualTo(code.status() * 100);
        }
    }
}
