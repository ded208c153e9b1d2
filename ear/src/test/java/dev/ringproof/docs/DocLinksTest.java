package dev.ringproof.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README and docs/: a README a newcomer reads in a few minutes, and links that lead somewhere in the repo. */
class DocLinksTest {

    static final int README_MAX_BYTES = 8 * 1024;

    /** {@code [text](target)} and {@code ![alt](target)}; the target up to a space or the closing parenthesis. */
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void theReadmeStaysShort() {
        byte[] readme = Repository.read("README.md").getBytes(StandardCharsets.UTF_8);
        assertThat(readme.length)
                .as("README.md in bytes (move detail into docs/)")
                .isLessThanOrEqualTo(README_MAX_BYTES);
    }

    /** The anchors a Markdown viewer gives a page's headings: lower case, punctuation dropped, spaces as dashes. */
    static Set<String> anchors(Path page) {
        Set<String> anchors = new HashSet<>();
        var heading = HEADING.matcher(Repository.textOf(page));
        while (heading.find()) {
            anchors.add(heading.group(1)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    @Test
    void headingsGiveTheAnchorsAViewerGivesThem() {
        assertThat(anchors(Repository.ROOT.resolve("docs/api.md")))
                .contains("post-apiadminv1rate-limits", "get-apibillingv1summary", "webhooks", "live-and-test-keys");
    }

    @Test
    void everyLinkOfTheDocsLeadsToAFileOfTheRepository() {
        List<Path> pages = new ArrayList<>(Repository.files(Repository.ROOT.resolve("docs")).stream()
                .filter(p -> p.toString().endsWith(".md"))
                .toList());
        pages.add(Repository.ROOT.resolve("README.md"));
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            var link = LINK.matcher(Repository.textOf(page));
            while (link.find()) {
                links++;
                String target = link.group(1);
                if (target.matches("[a-z][a-z0-9+.-]*:.*")) {
                    broken.add(Repository.ROOT.relativize(page) + ": " + target + " leaves the repository");
                    continue;
                }
                String path = target.replaceFirst("#.*", "");
                Path file =
                        path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                if (!file.startsWith(Repository.ROOT) || !Files.exists(file)) {
                    broken.add(Repository.ROOT.relativize(page) + ": " + target + " leads nowhere in the repository");
                } else if (target.contains("#") && !anchors(file).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(Repository.ROOT.relativize(page) + ": " + target + " names no heading there");
                }
            }
        }
        assertThat(links).as("links found in README.md and docs/").isGreaterThan(20);
        assertThat(broken).isEmpty();
    }
}
