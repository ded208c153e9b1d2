package dev.ringproof.root;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorAnswerTest {

    @Test
    void aMethodTheServerDoesNotImplementIsTheClientsError() {
        assertThat(ErrorAnswer.answeredStatus(501)).isEqualTo(405);
        assertThat(ErrorAnswer.problem(ErrorAnswer.answeredStatus(501)))
                .contains("\"status\":405")
                .contains("\"code\":\"method_not_allowed\"");
    }

    @Test
    void otherStatusesStayAsTheContainerSetThem() {
        assertThat(ErrorAnswer.answeredStatus(404)).isEqualTo(404);
        assertThat(ErrorAnswer.answeredStatus(405)).isEqualTo(405);
        assertThat(ErrorAnswer.answeredStatus(500)).isEqualTo(500);
        assertThat(ErrorAnswer.answeredStatus(null)).isEqualTo(404);
    }
}
