package dev.ringproof.system;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A second Payara Server domain beside the suite's, started with {@code RINGPROOF_MODE=production}
 * in its environment: ports from 20000 (HTTP 20080, admin 20048, JMS 20076, data grid 20049), its
 * own embedded H2 database and broker, so nothing it does reaches the suite's server. The domain
 * is created once per unpacked Payara (a minute; kept as a template under payara-it) and every
 * run starts from a fresh copy of it.
 */
final class ProductionDomain implements AutoCloseable {

    /**
     * The tag of the tests on this domain: it runs its own embedded database whatever the suite's
     * {@code DB_*} say, so CI's PostgreSQL pass leaves them out instead of running them twice alike.
     */
    static final String TAG = "own-embedded-database";

    static final URI BASE = URI.create("http://localhost:20080/");
    private static final String NAME = "ringproof-production";
    private static final int ADMIN_PORT = 20048;

    /** What an asadmin command answered. */
    record Outcome(int exitCode, String output) {}

    private final Path payara = Path.of(System.getProperty("payara.home"));
    private final Path runDir = payara.resolveSibling("production-domain");
    private final Path ear = Path.of(System.getProperty("ringproof.ear"));

    private ProductionDomain() {}

    /** Creates the domain if needed and starts a fresh copy of it in production mode. */
    static ProductionDomain start() throws IOException, InterruptedException {
        return start(env -> {});
    }

    /**
     * Like {@link #start()}, with the environment the domain inherits from the suite changed
     * first by {@code adjust} (to drop a setting the suite's server needs and this one must not have).
     */
    static ProductionDomain start(Consumer<Map<String, String>> adjust) throws IOException, InterruptedException {
        var domain = new ProductionDomain();
        domain.prepare();
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("RINGPROOF_MODE", "production");
        // its own embedded database even when the suite runs on PostgreSQL: it deletes every rate-limit policy
        env.keySet().removeIf(name -> name.startsWith("DB_"));
        adjust.accept(env);
        var started = domain.run(env, "start-domain", "--domaindir", domain.runDir.toString(), NAME);
        if (started.exitCode() != 0) {
            throw new IllegalStateException("the production domain did not start: " + started.output());
        }
        return domain;
    }

    private void prepare() throws IOException, InterruptedException {
        Path template = payara.resolveSibling("production-domain-template");
        if (!Files.isDirectory(template.resolve(NAME))) {
            var created = run(
                    System.getenv(),
                    "create-domain",
                    "--checkports=false",
                    "--nopassword=true",
                    "--portbase",
                    "20000",
                    "--domaindir",
                    template.toString(),
                    NAME);
            if (created.exitCode() != 0) {
                throw new IllegalStateException("could not create the production domain: " + created.output());
            }
        }
        if (Files.exists(runDir)) {
            run(System.getenv(), "stop-domain", "--domaindir", runDir.toString(), NAME); // left by a killed run
            delete(runDir);
        }
        copy(template, runDir);
    }

    /** Deploys the EAR as built; a refused deployment answers a non-zero exit code and why. */
    Outcome deploy() throws IOException, InterruptedException {
        return admin("deploy", "--force=true", "--name", "ringproof", ear.toString());
    }

    /** Sets a MicroProfile Config property in the domain's config source (below the environment). */
    void configure(String key, String value) throws IOException, InterruptedException {
        var set = admin("set-config-property", "--source=domain", "--propertyName=" + key, "--propertyValue=" + value);
        if (set.exitCode() != 0) {
            throw new IllegalStateException("could not set " + key + ": " + set.output());
        }
    }

    /** The server log's lines that contain {@code text}. */
    List<String> logLinesWith(String text) throws IOException {
        Path log = runDir.resolve(NAME).resolve("logs/server.log");
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    /** Waits until /health/ready answers 200, or fails. */
    void awaitReady() {
        Eventually.ready(BASE, "the production domain", Duration.ofSeconds(120));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        var stopped = run(System.getenv(), "stop-domain", "--domaindir", runDir.toString(), NAME);
        if (stopped.exitCode() != 0) {
            Path pid = runDir.resolve(NAME).resolve("config/pid");
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private Outcome admin(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("--port", String.valueOf(ADMIN_PORT)));
        line.addAll(List.of(command));
        return run(System.getenv(), line.toArray(String[]::new));
    }

    private Outcome run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        List<String> line =
                new ArrayList<>(List.of("bash", payara.resolve("bin/asadmin").toString()));
        line.addAll(List.of(command));
        // to a file, not a pipe: the server that start-domain leaves running would hold a pipe open
        Path output = Files.createTempFile("asadmin", ".out");
        try {
            var builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            var process = builder.start();
            boolean done = process.waitFor(300, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            String said = Files.readString(output, StandardCharsets.UTF_8);
            return done ? new Outcome(process.exitValue(), said) : new Outcome(-1, said + " (timed out)");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
