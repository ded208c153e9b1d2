package dev.ringproof.telephony.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sipp as the far end of a SIP trunk on loopback: one call of a scenario, its messages logged.
 * Shared with the system tests through this module's test jar.
 */
public final class Sipp implements AutoCloseable {

    private final Process process;
    private final Path messages;

    private Sipp(Process process, Path messages) {
        this.process = process;
        this.messages = messages;
    }

    public static Sipp uas(Path scenario, int port, Path workDir) throws IOException {
        Path messages = workDir.resolve("sipp-messages.log");
        var process = new ProcessBuilder(
                        "sipp",
                        "-sf",
                        scenario.toString(),
                        "-i",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-m",
                        "1",
                        "-nostdin",
                        "-timeout",
                        "20s",
                        "-timeout_error",
                        "-trace_msg",
                        "-message_file",
                        messages.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("sipp-screen.log").toFile())
                .start();
        awaitBound(port, process);
        return new Sipp(process, messages);
    }

    /** sipp's exit code: 0 when the call followed the scenario to its end. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(25, TimeUnit.SECONDS)) {
            process.destroy();
            return -1;
        }
        return process.exitValue();
    }

    /** The user part of the From header of the first INVITE sipp received. */
    public String inviteFromUser() throws IOException {
        String log = Files.readString(messages);
        Matcher invite = Pattern.compile("(?s)INVITE sip:.*?\\nFrom:\\s*<?sip:([^@>;]+)@")
                .matcher(log);
        return invite.find() ? invite.group(1) : null;
    }

    public String messages() throws IOException {
        return Files.exists(messages) ? Files.readString(messages) : "";
    }

    /** Polls the kernel's socket table: probing by binding the port ourselves would race sipp for it. */
    private static void awaitBound(int port, Process process) throws IOException {
        String local = String.format(":%04X ", port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (Files.readAllLines(Path.of("/proc/net/udp")).stream().anyMatch(line -> line.contains(local))) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        throw new UncheckedIOException(new IOException("sipp did not bind port " + port));
    }

    @Override
    public void close() {
        process.destroy();
    }
}
