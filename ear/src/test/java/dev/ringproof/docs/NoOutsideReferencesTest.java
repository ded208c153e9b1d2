package dev.ringproof.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing in the repository, code comments included, points at documents a user of the
 * repository does not have: a folder beside the checkout or a team's working notes. The docs
 * say it in the project's own words, under docs/.
 */
class NoOutsideReferencesTest {

    /** Spelled in pieces so that this file does not match itself. */
    static final List<String> OUTSIDE = List.of(
            "shared" + "/docs",
            ".." + "/shared",
            "/work" + "/shared",
            "API" + ".md",
            "ARCHITECTURE" + ".md",
            "STYLE" + ".md",
            "PLATFORM-NOTES" + ".md",
            "THREATS" + ".md",
            "COMPAT" + ".md");

    @Test
    void noFileReferesToDocumentsOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : Repository.files(Repository.ROOT)) {
            String text = Repository.textOf(file);
            if (text == null) {
                continue;
            }
            String[] lines = text.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String outside : OUTSIDE) {
                    if (lines[i].contains(outside)) {
                        found.add(Repository.ROOT.relativize(file) + ":" + (i + 1) + " names " + outside);
                    }
                }
            }
        }
        assertThat(found).as("references to documents outside the repository").isEmpty();
    }

    /** The check reads code, docs, scripts and poms, and leaves build output alone. */
    @Test
    void theCheckReadsEveryKindOfFileOfTheProject() {
        var scanned = Repository.files(Repository.ROOT).stream()
                .map(file -> Repository.ROOT.relativize(file).toString().replace('\\', '/'))
                .toList();

        assertThat(scanned)
                .contains(
                        "README.md",
                        "ringproof",
                        "pom.xml",
                        "ear/pom.xml",
                        "bin/harden-broker",
                        "docs/api.md",
                        "api-war/src/main/java/dev/ringproof/api/RingproofApi.java");
        assertThat(scanned).noneMatch(path -> path.contains("/target/") || path.startsWith(".ringproof/"));
    }
}
