package dev.ringproof.api.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.verification.boundary.VerificationHistory.Position;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T10:00:00.123456Z", "2026-11-25T11:00:00.000000001+01:00"})
    void aCursorNamesThePositionItWasMadeOfToTheNanosecond(String createdAt) {
        var position = new Position(OffsetDateTime.parse(createdAt), "vf_a1B2-c3_d4");

        var cursor = PageCursor.encode(position);
        var decoded = PageCursor.decode(cursor);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(decoded.id()).isEqualTo(position.id());
        assertThat(decoded.createdAt().toInstant())
                .isEqualTo(position.createdAt().toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-a-cursor!",
                "YWJj",
                "v1 2026-11-25T10:00:00Z vf_x",
                "plain:v2 2026-11-25T10:00:00Z vf_x",
                "plain:v1 yesterday vf_x",
                "plain:v1 2026-11-25T10:00:00Z vf_x' or '1'='1",
                "plain:v1 2026-11-25T10:00:00Z"
            })
    void anythingThisApiDidNotWriteIsRefusedAsTheCursor(String cursor) {
        String given = cursor.startsWith("plain:")
                ? Base64.getUrlEncoder().encodeToString(cursor.substring(6).getBytes(StandardCharsets.UTF_8))
                : cursor;

        assertThatThrownBy(() -> PageCursor.decode(given))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.fieldProblems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("cursor")));
    }
}
