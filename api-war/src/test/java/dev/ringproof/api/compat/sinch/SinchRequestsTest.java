package dev.ringproof.api.compat.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.boundary.Refusal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SinchRequestsTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void aFlashCallStartIsAMissedCallOnly() {
        var start = SinchRequests.start(
                json("{\"identity\":{\"type\":\"number\",\"endpoint\":\"+447400123456\"},\"method\":\"flashCall\","
                        + "\"reference\":\"r1\",\"custom\":\"c\",\"flashCallOptions\":{\"interceptionTimeout\":23}}"),
                "127.0.0.1");

        assertThat(start.method()).isEqualTo(SinchMethod.FLASHCALL);
        assertThat(start.interceptionTimeout()).isEqualTo(23);
        assertThat(start.command().channels()).isEqualTo(List.of("missed_call"));
        assertThat(start.command().reference()).isEqualTo("r1");
        assertThat(start.command().presentation().door()).isEqualTo("sinch");
    }

    @Test
    void smsAndCalloutAreSmsAndVoice() {
        for (var method : List.of("sms", "callout")) {
            var start = SinchRequests.start(
                    json("{\"identity\":{\"type\":\"number\",\"endpoint\":\"+447400123456\"},\"method\":\"" + method
                            + "\"}"),
                    "127.0.0.1");
            assertThat(start.command().channels()).isEqualTo(List.of(method.equals("sms") ? "sms" : "voice"));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"method\":\"sms\"}",
                "{\"identity\":{\"type\":\"number\"},\"method\":\"sms\"}",
                "{\"identity\":{\"type\":\"email\",\"endpoint\":\"a@b\"},\"method\":\"sms\"}",
                "{\"identity\":\"+447400123456\",\"method\":\"sms\"}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"+447400123456\",\"x\":1},\"method\":\"sms\"}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"+447400123456\"},\"method\":\"seamless\"}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"+447400123456\"},\"method\":\"sms\",\"smsOptions\":{}}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"+447400123456\"},\"method\":\"sms\","
                        + "\"flashCallOptions\":{\"interceptionTimeout\":20}}",
                "{\"identity\":{\"type\":\"number\",\"endpoint\":\"+447400123456\"},\"method\":\"flashcall\","
                        + "\"flashCallOptions\":{\"interceptionTimeout\":0}}"
            })
    void badStartsAreRefusedFieldByField(String body) {
        assertThatThrownBy(() -> SinchRequests.start(json(body), "127.0.0.1"))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        refusal -> assertThat(refusal.fieldProblems()).isNotEmpty());
    }

    @Test
    void reportsGiveTheWholeCliOrTheCode() {
        assertThat(SinchRequests.report(json("{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"+442079461234\"}}")))
                .isEqualTo(new SinchRequests.Report(SinchMethod.FLASHCALL, "+442079461234"));
        assertThat(SinchRequests.report(json("{\"method\":\"sms\",\"sms\":{\"code\":\"123456\"}}")))
                .isEqualTo(new SinchRequests.Report(SinchMethod.SMS, "123456"));
        assertThat(SinchRequests.report(json("{\"method\":\"callout\",\"callout\":{\"code\":\"0042\"}}")))
                .isEqualTo(new SinchRequests.Report(SinchMethod.CALLOUT, "0042"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"method\":\"flashcall\"}",
                "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"02079461234\"}}",
                "{\"method\":\"flashcall\",\"flashCall\":{\"cli\":\"+44 2079461234\"}}",
                "{\"method\":\"flashcall\",\"flashCall\":{}}",
                "{\"method\":\"sms\",\"sms\":{\"code\":\"12ab\"}}",
                "{\"method\":\"sms\",\"sms\":{\"code\":12}}",
                "{\"method\":\"voice\",\"voice\":{\"code\":\"1234\"}}",
                "{\"method\":\"sms\",\"sms\":{\"code\":\"1234\"},\"extra\":true}"
            })
    void badReportsAreRefused(String body) {
        assertThatThrownBy(() -> SinchRequests.report(json(body))).isInstanceOf(Refusal.class);
    }
}
