package dev.ringproof.api.compat.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ringproof.api.problem.Problem;
import dev.ringproof.api.problem.RefusalMapper;
import dev.ringproof.platform.boundary.Refusal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class VonageStartRequestTest {

    @Test
    void theWorkflowBecomesTheChannelsAndTheRestThePresentation() {
        var command = VonageStartRequest.read(
                json("{\"brand\":\"Acme\",\"code_length\":6,\"client_ref\":\"r-1\",\"locale\":\"es_es\","
                        + "\"workflow\":[{\"channel\":\"missed_call\",\"to\":\"447700900123\"},"
                        + "{\"channel\":\"sms\",\"to\":\"+447700900123\",\"from\":\"Acme\"}]}"),
                "127.0.0.1");

        assertThat(command.phone()).isEqualTo("+447700900123");
        assertThat(command.channels()).containsExactly("missed_call", "sms");
        assertThat(command.reference()).isEqualTo("r-1");
        assertThat(command.locale()).isEqualTo("es-es");
        assertThat(command.presentation().door()).isEqualTo("vonage");
        assertThat(command.presentation().brand()).isEqualTo("Acme");
        assertThat(command.presentation().otpLength()).isEqualTo(6);
    }

    @Test
    void whatRingproofCannotDoIsRefusedFieldByFieldAsVonagesInvalidParams() {
        var refusal = catchThrowableOfType(
                () -> VonageStartRequest.read(
                        json("{\"brand\":\"A brand far too long\",\"code\":\"1234\",\"code_length\":3,"
                                + "\"workflow\":[{\"channel\":\"whatsapp\",\"to\":\"447700900123\"},"
                                + "{\"channel\":\"sms\",\"to\":\"12\"}]}"),
                        "127.0.0.1"),
                Refusal.class);

        assertThat(refusal.fieldProblems())
                .extracting(Refusal.FieldProblem::field)
                .contains("brand", "code", "code_length", "workflow[0].channel", "workflow[1].to");
        var shaped = VonageErrors.shape(RefusalMapper.toProblem(refusal));
        assertThat(shaped.status()).isEqualTo(422);
        assertThat(shaped.body().title()).isEqualTo("Invalid params");
        assertThat(shaped.body().invalidParameters())
                .extracting(VonageErrors.InvalidParameter::name)
                .contains("workflow[0].channel");
    }

    @Test
    void aMissingWorkflowOrBrandIsRefused() {
        for (String body : List.of("{}", "{\"brand\":\"A\",\"workflow\":[]}", "{\"brand\":\"A\",\"workflow\":{}}")) {
            assertThat(catchThrowableOfType(() -> VonageStartRequest.read(json(body), "::1"), Refusal.class))
                    .as(body)
                    .isNotNull();
        }
    }

    @Test
    void ringproofsCodesBecomeVonagesStatuses() {
        assertThat(status("not_found", 404)).isEqualTo(404);
        assertThat(status("verification_closed", 409)).isEqualTo(404);
        assertThat(status("invalid_request", 422)).isEqualTo(409);
        assertThat(status("invalid_request", 400)).isEqualTo(400);
        assertThat(status("rate_limited", 429)).isEqualTo(429);
        assertThat(status("unauthorized", 401)).isEqualTo(401);
        assertThat(status("invalid_phone", 400)).isEqualTo(422);
        assertThat(status("fraud_blocked", 403)).isEqualTo(403);
        assertThat(status("internal_error", 500)).isEqualTo(500);
    }

    @Test
    void requestIdsAreTheVerificationIdsAsUuidsAndNothingElseIsOne() {
        String id = dev.ringproof.platform.control.Ids.next("vf");
        String requestId = VonageRequestIds.of(id);
        assertThat(java.util.UUID.fromString(requestId).toString()).isEqualTo(requestId);
        assertThat(VonageRequestIds.verificationId(requestId)).isEqualTo(id);
        assertThat(VonageRequestIds.verificationId(requestId.toUpperCase())).isEqualTo(id);
        assertThat(catchThrowableOfType(() -> VonageRequestIds.verificationId("vf_abc"), Refusal.class)
                        .reason())
                .isEqualTo(Refusal.Reason.NOT_FOUND);
    }

    private static int status(String code, int status) {
        return VonageErrors.shape(new Problem("about:blank", "t", status, "d", code, null))
                .status();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
