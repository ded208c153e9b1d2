package dev.ringproof.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The {@code ErrorCode} enum of /openapi (META-INF/openapi.yaml) lists exactly the codes the API answers. */
class ErrorCodeDocumentedTest {

    private static final Path DOCUMENT = Path.of("src", "main", "resources", "META-INF", "openapi.yaml");

    @Test
    void theOpenApiDocumentListsEveryErrorCode() throws IOException {
        var block =
                Pattern.compile("(?s)\\n    ErrorCode:\\n.*?enum: \\[(.*?)]").matcher(Files.readString(DOCUMENT));
        assertThat(block.find()).as("ErrorCode schema in " + DOCUMENT).isTrue();
        Set<String> documented = Arrays.stream(block.group(1).split(","))
                .map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> answered = Arrays.stream(ErrorCode.values())
                .map(ErrorCode::wireName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).isEqualTo(answered);
    }
}
