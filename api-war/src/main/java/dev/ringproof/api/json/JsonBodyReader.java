package dev.ringproof.api.json;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads request bodies strictly: at most 64 KiB, valid UTF-8, one JSON object, no
 * duplicate keys. Anything else is a 4xx problem before a resource sees it.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<JsonObject> {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final JsonReaderFactory READERS = Json.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations,
                               MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw problem(Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "Request bodies may be at most 64 KiB."));
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var reader = READERS.createReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(bytes), decoder))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw invalid("The body is not valid JSON.");
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw invalid(e.getCause() instanceof CharacterCodingException
                    ? "The body is not valid UTF-8."
                    : "The body must be one JSON object without duplicate keys.");
        } catch (RuntimeException e) {
            // Parsson signals nesting beyond its limit (1000) with a bare RuntimeException
            throw invalid("The body is nested too deeply.");
        }
    }

    private static WebApplicationException invalid(String detail) {
        return problem(Problem.of(ErrorCode.INVALID_REQUEST, detail));
    }

    private static WebApplicationException problem(Problem problem) {
        return new WebApplicationException(problem.toResponse());
    }
}
