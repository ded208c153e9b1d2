package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * The OpenAPI document the server serves at {@code /openapi} (as JSON), the copy of it that the
 * build generates the Java client from ({@link #CLIENT_COPY}), and a check of real answers
 * against it with a maintained validator (Atlassian's swagger-request-validator): status
 * documented, content type declared, body valid against the schema.
 */
final class ServedDocument {

    /** The copy of the served document that ear/pom.xml generates the client from (ear module directory). */
    static final Path CLIENT_COPY = Path.of("src", "test", "openapi", "ringproof-api.json");

    /** Where a run writes the document it was served, to refresh {@link #CLIENT_COPY} from. */
    static final Path SERVED_COPY = Path.of("target", "openapi", "ringproof-api.json");

    /**
     * Payara adds a member {@code endpoints} (its context roots and paths) to the document: not
     * an OpenAPI field, so generators refuse it. It is left out of the client's copy.
     */
    static final String PAYARA_MEMBER = "endpoints";

    private final JsonObject json;
    private final OpenApiInteractionValidator strict;
    private final OpenApiInteractionValidator bodiesOnly;

    private ServedDocument(JsonObject json) {
        this.json = json;
        String text = json.toString();
        this.strict = validator(text, LevelResolver.create().build());
        this.bodiesOnly = validator(
                text,
                LevelResolver.create()
                        .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                        .build());
    }

    private static OpenApiInteractionValidator validator(String document, LevelResolver levels) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withBasePathOverride("/api")
                .withLevelResolver(levels)
                .build();
    }

    /** The document as the server serves it now, without Payara's own member. */
    static ServedDocument fetch() {
        var answer = new Http().send("GET", "openapi", null, null, "Accept", "application/json");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        var builder = Json.createObjectBuilder(Http.json(answer));
        builder.remove(PAYARA_MEMBER);
        return new ServedDocument(builder.build());
    }

    JsonObject json() {
        return json;
    }

    /** The client's copy, as committed. */
    static JsonObject clientCopy() {
        try (var reader = Json.createReader(new StringReader(Files.readString(CLIENT_COPY)))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes this document, pretty-printed, to {@link #SERVED_COPY}. */
    Path writeServedCopy() {
        var text = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(json);
        }
        try {
            Files.createDirectories(SERVED_COPY.getParent());
            Files.writeString(SERVED_COPY, text.toString().strip() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SERVED_COPY;
    }

    /**
     * {@code answer} to {@code METHOD /api/path} is one the document describes: its status is
     * documented for the operation, and its body fits the schema of its content type.
     */
    void assertDescribes(String method, String path, HttpResponse<String> answer) {
        assertValid(strict, method, path, answer, null);
    }

    /** As {@link #assertDescribes}, collecting a mismatch in {@code soft} instead of failing at once. */
    void assertDescribes(String method, String path, HttpResponse<String> answer, SoftAssertions soft) {
        assertValid(strict, method, path, answer, soft);
    }

    /** As {@link #assertDescribes}, but an answer's status need not be documented: its body must fit. */
    void assertBodyFits(String method, String path, HttpResponse<String> answer, SoftAssertions soft) {
        assertValid(bodiesOnly, method, path, answer, soft);
    }

    private static void assertValid(
            OpenApiInteractionValidator validator,
            String method,
            String path,
            HttpResponse<String> answer,
            SoftAssertions soft) {
        var response = SimpleResponse.Builder.status(answer.statusCode())
                .withContentType(answer.headers().firstValue("Content-Type").orElse(null))
                .withBody(answer.body())
                .build();
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        var report =
                validator.validateResponse(pathOnly, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response);
        (soft == null ? assertThat(report.getMessages()) : soft.assertThat(report.getMessages()))
                .as(method + " " + path + " answered " + answer.statusCode() + " " + answer.body() + ":\n"
                        + report.getMessages().stream()
                                .map(m -> m.getKey() + ": " + m.getMessage())
                                .collect(Collectors.joining("\n")))
                .noneMatch(m -> m.getLevel() == ValidationReport.Level.ERROR);
    }
}
