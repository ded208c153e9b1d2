package dev.ringproof.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.NotSupportedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebApplicationExceptionMapperTest {

    @ParameterizedTest
    @CsvSource({
        "400,invalid_request",
        "401,unauthorized",
        "404,not_found",
        "413,payload_too_large",
        "415,unsupported_media_type",
        "422,invalid_request",
        "500,internal_error",
        "503,channel_unavailable"
    })
    void mapsStatusesToContractCodes(int status, String code) {
        assertThat(WebApplicationExceptionMapper.codeFor(status).wireName()).isEqualTo(code);
    }

    @Test
    void problemHasStatusAndCodeButNotTheExceptionMessage() {
        var mapper = new WebApplicationExceptionMapper();
        var response = mapper.toResponse(new NotSupportedException("org.example.Secret cannot read text/xml"));

        var problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(problem.code()).isEqualTo("unsupported_media_type");
        assertThat(problem.detail()).doesNotContain("org.example");
    }
}
