package dev.ringproof.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The managed Payara Server of the system tests, as an operating-system process to kill and start again. */
final class PayaraProcess {

    private final Path home = Path.of(System.getProperty("payara.home"));

    /** {@code kill -9}: no shutdown hooks, no flushing, no goodbye to the broker or the database. */
    void killHard() throws IOException {
        long pid = Long.parseLong(Files.readString(home.resolve("glassfish/domains/domain1/config/pid"))
                .trim());
        var process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no server process " + pid));
        process.destroyForcibly();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** The server log's length now, to read what is logged after it. */
    long logSize() throws IOException {
        return Files.size(log());
    }

    /**
     * The warnings and errors logged after {@code mark} (a {@link #logSize()}), each with the
     * lines that follow it, at most some 8000 characters: what a failed recovery test shows.
     */
    String problemsLoggedSince(long mark) {
        try (var file = new java.io.RandomAccessFile(log().toFile(), "r")) {
            file.seek(Math.min(mark, file.length()));
            byte[] rest = new byte[(int) Math.min(file.length() - file.getFilePointer(), 50_000_000)];
            file.readFully(rest);
            var problems = new StringBuilder();
            boolean inProblem = false;
            for (String line : new String(rest, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("[")) {
                    inProblem = line.contains("SEVERE") || line.contains("WARNING");
                }
                if (inProblem && problems.length() < 8000) {
                    problems.append(line, 0, Math.min(line.length(), 400)).append('\n');
                }
            }
            return problems.toString();
        } catch (IOException e) {
            return "(server log unreadable: " + e.getMessage() + ")";
        }
    }

    private Path log() {
        return home.resolve("glassfish/domains/domain1/logs/server.log");
    }

    /** Runs an asadmin command against the running server; a failure fails the test. */
    void asadmin(String... command) throws IOException, InterruptedException {
        Commands.mustSucceed(Commands.asadmin(home, command), Duration.ofSeconds(120));
    }

    void start() throws IOException, InterruptedException {
        Commands.mustSucceed(Commands.asadmin(home, "start-domain", "domain1"), Duration.ofSeconds(180));
        Eventually.ready(Http.BASE, "the restarted server", Duration.ofSeconds(120));
    }
}
