package dev.ringproof.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.api.problem.Problem;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyReaderTest {

    private static JsonObject read(String body) throws IOException {
        return new JsonBodyReader()
                .readFrom(
                        JsonObject.class,
                        JsonObject.class,
                        null,
                        MediaType.APPLICATION_JSON_TYPE,
                        null,
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"phone\":\"+447400999001\"}",
                "  {\"a\":[1,{\"b\":\"\\ud83d\\ude00\"}]}\r\n\t ",
                "{\"emoji\":\"😀\",\"\\ud83d\\ude00\":true}"
            })
    void oneObjectWithWellFormedTextIsRead(String body) throws IOException {
        assertThat(read(body)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"phone\":\"+447400999001\"} {\"x\":1}",
                "{\"a\":1}{\"a\":1}",
                "{\"a\":1} x",
                "{\"a\":1}]",
                "{\"a\":1} 5",
                "{\"a\":1},",
                "[{\"a\":1}]",
                "\"a\"",
                "",
                "{\"phone\":\"\\ud800\"}",
                "{\"phone\":\"+44\\udfff7400\"}",
                "{\"\\ud800\":1}",
                "{\"a\":[{\"b\":[\"\\ude00\\ud83d\"]}]}",
                "{\"a\":1,\"a\":2}"
            })
    void anythingElseIsInvalidRequest(String body) {
        assertThatThrownBy(() -> read(body)).as(body).isInstanceOfSatisfying(WebApplicationException.class, e -> {
            assertThat(e.getResponse().getStatus()).isEqualTo(400);
            assertThat(((Problem) e.getResponse().getEntity()).code()).isEqualTo("invalid_request");
        });
    }
}
