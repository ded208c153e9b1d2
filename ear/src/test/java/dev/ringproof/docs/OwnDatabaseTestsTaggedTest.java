package dev.ringproof.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CI's PostgreSQL pass leaves out the system tests tagged {@code own-embedded-database}. That is
 * right only for tests whose server ignores the suite's database: exactly those that start the
 * second domain ({@code ProductionDomain}, started or shared, which drops every {@code DB_*} setting). A test tagged
 * without it would silently lose its PostgreSQL run; one using it untagged would run twice alike.
 */
class OwnDatabaseTestsTaggedTest {

    @Test
    void theTagMarksExactlyTheTestsOnTheSecondDomain() {
        Path systemTests = Repository.ROOT.resolve("ear/src/test/java/dev/ringproof/system");
        List<String> wrong = new ArrayList<>();
        int tagged = 0;
        for (Path file : Repository.files(systemTests)) {
            String name = file.getFileName().toString();
            if (!name.endsWith("IT.java")) {
                continue;
            }
            String text = Repository.textOf(file);
            boolean onSecondDomain = text.contains("ProductionDomain.start(")
                    || text.contains("@ExtendWith(ProductionDomain.Shared.class)");
            boolean isTagged = text.contains("@Tag(ProductionDomain.TAG)");
            tagged += isTagged ? 1 : 0;
            if (onSecondDomain != isTagged) {
                wrong.add(name
                        + (isTagged
                                ? ": tagged, but its server is the suite's"
                                : ": on the second domain, not tagged"));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(tagged).as("tests on the second domain").isGreaterThanOrEqualTo(2);
    }
}
