package dev.ringproof.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.boundary.Refusal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void readsTypedValues() {
        var fields = Fields.of(
                json("{\"a\":\"x\",\"n\":5,\"b\":true,\"l\":[\"p\",\"q\"],\"m\":{\"sms\":3}}"),
                "a",
                "n",
                "b",
                "l",
                "m");

        assertThat(fields.requiredString("a", 5)).isEqualTo("x");
        assertThat(fields.optionalInt("n", 1, 9)).contains(5);
        assertThat(fields.optionalBoolean("b")).contains(true);
        assertThat(fields.optionalStringList("l", 2, 1)).contains(java.util.List.of("p", "q"));
        assertThat(fields.optionalIntMap("m", Set.of("sms"), 1, 9)).contains(java.util.Map.of("sms", 3));
        fields.requireValid();
    }

    @Test
    void collectsEveryProblemAtOnce() {
        var fields = Fields.of(
                json("{\"a\":1,\"n\":10,\"b\":\"yes\",\"l\":[1],\"m\":{\"fax\":1},\"evil\":0,"
                        + "\"t\":\"x\\u202ey\",\"long\":\"abcdef\"}"),
                "a",
                "n",
                "b",
                "l",
                "m",
                "t",
                "long",
                "missing");
        fields.optionalString("a", 5);
        fields.optionalInt("n", 1, 9);
        fields.optionalBoolean("b");
        fields.optionalStringList("l", 2, 5);
        fields.optionalIntMap("m", Set.of("sms"), 1, 9);
        fields.optionalString("t", 5);
        fields.optionalString("long", 5);
        fields.requiredString("missing", 5);

        assertThatThrownBy(fields::requireValid)
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.fieldProblems())
                                .extracting(Refusal.FieldProblem::field)
                                .containsExactlyInAnyOrder(
                                        "evil", "a", "n", "b", "l[0]", "m.fax", "t", "long", "missing"));
    }

    @Test
    void fractionsAreNotWholeNumbers() {
        var fields = Fields.of(json("{\"n\":4.5}"), "n");
        assertThat(fields.optionalInt("n", 1, 9)).isEmpty();
        assertThatThrownBy(fields::requireValid).isInstanceOf(Refusal.class);
    }
}
