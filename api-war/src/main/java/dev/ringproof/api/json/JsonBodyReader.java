package dev.ringproof.api.json;

import dev.ringproof.api.problem.ErrorCode;
import dev.ringproof.api.problem.Problem;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies strictly: at most 64 KiB, valid UTF-8, one JSON object and nothing
 * after it but white space, no duplicate keys, no unpaired surrogate escapes ({@code "\ud800"}
 * is no character: stored, it became '?'). Anything else is a 4xx problem before a resource
 * sees it.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<JsonObject> {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE, "org.eclipse.parsson.rejectDuplicateKeys", true));

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(
            Class<JsonObject> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw problem(Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "Request bodies may be at most 64 KiB."));
        }
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var parser =
                PARSERS.createParser(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), decoder))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw invalid("The body must be one JSON object.");
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                throw invalid("The body must be one JSON object with nothing after it.");
            }
            if (hasUnpairedSurrogate(object)) {
                throw invalid("The body has a \\u escape of an unpaired surrogate, which is no character.");
            }
            return object;
        } catch (WebApplicationException e) {
            throw e;
        } catch (JsonParsingException e) {
            throw invalid("The body is not valid JSON.");
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw invalid(
                    e.getCause() instanceof CharacterCodingException
                            ? "The body is not valid UTF-8."
                            : "The body must be one JSON object without duplicate keys.");
        } catch (RuntimeException e) {
            // Parsson signals nesting beyond its limit (1000) with a bare RuntimeException
            throw invalid("The body is nested too deeply.");
        }
    }

    /** Keys and strings anywhere in the value, walked without recursion (nesting may be 1000 levels deep). */
    static boolean hasUnpairedSurrogate(JsonValue value) {
        Deque<JsonValue> open = new ArrayDeque<>(List.of(value));
        while (!open.isEmpty()) {
            JsonValue next = open.pop();
            if (next instanceof JsonString string && hasUnpairedSurrogate(string.getString())) {
                return true;
            } else if (next instanceof JsonObject object) {
                for (var member : object.entrySet()) {
                    if (hasUnpairedSurrogate(member.getKey())) {
                        return true;
                    }
                    open.push(member.getValue());
                }
            } else if (next instanceof JsonArray array) {
                array.forEach(open::push);
            }
        }
        return false;
    }

    /** A well-formed pair is one code point; a surrogate alone comes out of codePoints() as itself. */
    private static boolean hasUnpairedSurrogate(String text) {
        return text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    private static WebApplicationException invalid(String detail) {
        return problem(Problem.of(ErrorCode.INVALID_REQUEST, detail));
    }

    private static WebApplicationException problem(Problem problem) {
        return new WebApplicationException(problem.toResponse());
    }
}
