package dev.ringproof.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The system tests' one way to run Payara's asadmin and the scripts beside it, to their end. */
final class Commands {

    private Commands() {}

    /** How a command ended ({@code -1}: it ran out of time) and what it printed, errors included. */
    record Outcome(int exitCode, String output) {}

    /** Payara's asadmin of the installation at {@code home} with {@code arguments}. */
    static ProcessBuilder asadmin(Path home, String... arguments) {
        List<String> line =
                new ArrayList<>(List.of("bash", home.resolve("bin/asadmin").toString()));
        line.addAll(List.of(arguments));
        return new ProcessBuilder(line);
    }

    /**
     * Runs the command to its end, at most {@code timeout}. Its output goes to a file, not a pipe:
     * the server that {@code start-domain} leaves running would hold a pipe open.
     */
    static Outcome run(ProcessBuilder command, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("command", ".out");
        try {
            var process = command.redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean done = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            String said = Files.readString(output, StandardCharsets.UTF_8);
            return done ? new Outcome(process.exitValue(), said) : new Outcome(-1, said + " (timed out)");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** {@link #run}, where a failure fails the test with what the command said. */
    static void mustSucceed(ProcessBuilder command, Duration timeout) throws IOException, InterruptedException {
        var outcome = run(command, timeout);
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command.command()) + " failed: " + outcome.output());
        }
    }
}
