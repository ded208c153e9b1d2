package dev.ringproof.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The repository's own files as the checks of its docs read them: build output and tools' folders left out. */
final class Repository {

    /** Folders that hold no file of the project's own. */
    private static final Set<String> NOT_OURS =
            Set.of("target", ".git", ".ringproof", ".idea", ".vscode", "node_modules");

    /** The checkout's root: the parent of the ear module, where the tests run. */
    static final Path ROOT = root();

    private Repository() {}

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("ringproof")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Ringproof checkout around " + here);
    }

    /** Every file of the project under {@code dir}, in a stable order. */
    static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> ours(ROOT.relativize(file)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ours(Path relative) {
        for (Path part : relative) {
            if (NOT_OURS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    /** The file's text, or null for a binary file (a NUL byte in it). */
    static String textOf(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        String text = textOf(ROOT.resolve(relative));
        if (text == null) {
            throw new IllegalStateException(relative + " is not text");
        }
        return text;
    }
}
