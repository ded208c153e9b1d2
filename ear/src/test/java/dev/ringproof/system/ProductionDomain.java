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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A second Payara Server domain beside the suite's, started with {@code RINGPROOF_MODE=production}
 * in its environment: ports from 20000 (HTTP 20080, admin 20048, JMS 20076, data grid 20049), its
 * own embedded H2 database and broker, so nothing it does reaches the suite's server. The domain
 * is created once per unpacked Payara (a minute; kept as a template under payara-it) and every
 * run starts from a fresh copy of it. The test classes share one run of it ({@link Shared}).
 */
final class ProductionDomain implements AutoCloseable {

    /**
     * The tag of the tests on this domain: it runs its own embedded database whatever the suite's
     * {@code DB_*} say, so CI's PostgreSQL pass leaves them out instead of running them twice alike.
     */
    static final String TAG = "own-embedded-database";

    static final URI BASE = URI.create("http://localhost:20080/");
    /** The console's idle time on this domain: short, so a test can wait it out. */
    static final Duration IDLE = Duration.ofSeconds(15);

    private static final String NAME = "ringproof-production";
    private static final int ADMIN_PORT = 20048;

    /** What an asadmin command answered. */
    private final Path payara = Path.of(System.getProperty("payara.home"));

    private final Path runDir = payara.resolveSibling("production-domain");
    private final Path ear = Path.of(System.getProperty("ringproof.ear"));
    /** Set once by {@link Running#start()}. */
    private Commands.Outcome firstDeployment;

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
            domain.close(); // a start that timed out leaves a server holding the ports
            throw new IllegalStateException("the production domain did not start: " + started.output());
        }
        return domain;
    }

    /** What the first deployment, on the development defaults, answered (see {@link Shared}). */
    Commands.Outcome firstDeployment() {
        return firstDeployment;
    }

    /**
     * The run's one production domain, for {@code @BeforeAll} methods that take a
     * {@code ProductionDomain} parameter: started on first use, stopped when the whole run ends
     * (a start and two deployments cost one to two minutes on 2 cores, so the classes share
     * them). It keeps the platform's default sign-in limits (the suite's server raises them). Its
     * first deployment runs on the development defaults and is refused; then it gets a code
     * secret, a closed sandbox, a console idle time of {@link #IDLE} and Secure cookies as behind
     * a proxy that terminates TLS, and is deployed again. Tests that change its data work with
     * tenants and users of their own, as on the suite's server.
     */
    static final class Shared implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Shared.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ProductionDomain.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class)
                    .domain();
        }
    }

    /** The shared domain, closed by JUnit at the end of the run; a start that failed fails every class alike. */
    private record Running(ProductionDomain domain, RuntimeException failure)
            implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            ProductionDomain domain = null;
            try {
                // the suite's server raises the per-address limit and shortens lockouts: this one keeps the defaults
                domain = ProductionDomain.start(
                        env -> env.keySet().removeIf(name -> name.startsWith("SIGNIN_THROTTLE_")));
                domain.firstDeployment = domain.deploy();
                byte[] secret = new byte[24];
                new java.security.SecureRandom().nextBytes(secret);
                domain.configure(Map.of(
                        "verification.code-secret",
                        java.util.HexFormat.of().formatHex(secret),
                        "sandbox.open",
                        "false",
                        "console.session.idle-timeout",
                        IDLE.toString(),
                        // as behind a proxy that terminates TLS: the server sees plain HTTP, the browser used https
                        "console.session.secure-cookie",
                        "true"));
                var deployed = domain.deploy();
                if (deployed.exitCode() != 0) {
                    throw new IllegalStateException(
                            "the production domain refused the configured EAR: " + deployed.output());
                }
                domain.awaitReady();
                return new Running(domain, null);
            } catch (IOException | InterruptedException | RuntimeException e) {
                return new Running(domain, new IllegalStateException("the production domain is not up", e));
            }
        }

        @Override
        public ProductionDomain domain() {
            if (failure != null) {
                throw failure;
            }
            return domain;
        }

        @Override
        public void close() throws Exception {
            if (domain != null) {
                domain.close();
            }
        }
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
    Commands.Outcome deploy() throws IOException, InterruptedException {
        return admin("deploy", "--force=true", "--name", "ringproof", ear.toString());
    }

    /**
     * Sets MicroProfile Config properties in the domain's config source (below the environment),
     * with one asadmin run for all of them: each run is a JVM start of some seconds.
     */
    void configure(Map<String, String> properties) throws IOException, InterruptedException {
        var commands = new StringBuilder();
        properties.forEach((key, value) -> commands.append("set-config-property --source=domain --propertyName=")
                .append(key)
                .append(" --propertyValue=")
                .append(value)
                .append('\n'));
        Path file = Files.createTempFile("configure", ".asadmin");
        try {
            Files.writeString(file, commands);
            var set = admin("multimode", "--file", file.toString());
            if (set.exitCode() != 0) {
                throw new IllegalStateException("could not set " + properties.keySet() + ": " + set.output());
            }
        } finally {
            Files.deleteIfExists(file);
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

    private Commands.Outcome admin(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("--port", String.valueOf(ADMIN_PORT)));
        line.addAll(List.of(command));
        return run(System.getenv(), line.toArray(String[]::new));
    }

    private Commands.Outcome run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        var builder = Commands.asadmin(payara, command);
        builder.environment().clear();
        builder.environment().putAll(env);
        return Commands.run(builder, Duration.ofSeconds(300));
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
