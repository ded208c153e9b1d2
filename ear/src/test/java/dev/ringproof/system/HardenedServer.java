package dev.ringproof.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The system tests' server is locked down as operators lock down theirs: its broker with
 * bin/harden-broker (BrokerIT checks it), its web side with the web steps of bin/harden-payara
 * (no X-Powered-By, no Server header: ServerHeadersIT). Before Arquillian starts the domain (it
 * does so at the first deployment), this starts it once, runs both scripts and stops it again:
 * the settings are in domain.xml from the first boot on, and also after CrashRecoveryIT's
 * restarts. One start for both saves one of about 20 s on 2 cores; a domain that has them
 * already (the unpacked server is kept between runs, e.g. CI's second pass) is not started for
 * them at all. The admin port keeps no password here: it is a test machine's, and Arquillian's
 * managed container deploys through it. In the same start the server's MicroProfile Config
 * cache goes from 60 s to 1 s, a test server's only setting that is not an operator's: a test
 * that changes a config property (LiveTestWorldsIT closes the sandbox and opens it again) sees
 * the change at once instead of waiting up to a minute each way.
 */
public class HardenedServer implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Hardening.class);
    }

    /** The Arquillian observer: start, harden, stop, once per test run. */
    public static class Hardening {

        private static final int CONFIG_CACHE_SECONDS = 1;

        public void harden(@Observes BeforeStart event) throws IOException, InterruptedException {
            Path home = Path.of(System.getProperty("payara.home"));
            String asadmin = home.resolve("bin/asadmin").toString();
            // on a domain that is down, the script only answers whether the broker is locked down already
            boolean brokerDone = exitCode(hardenBroker(home, null)) == 0;
            boolean webDone = hardenedAlready(home.resolve("glassfish/domains/domain1/config/domain.xml"));
            if (brokerDone && webDone) {
                return;
            }
            run(Commands.asadmin(home, "start-domain", "domain1"));
            try {
                if (!brokerDone) {
                    // the broker takes its settings at the next start, Arquillian's
                    run(hardenBroker(home, "--no-restart"));
                }
                if (!webDone) {
                    run(new ProcessBuilder(
                            "bash", System.getProperty("ringproof.harden-script"), "--web-only", "--asadmin", asadmin));
                    run(Commands.asadmin(home, "set-config-cache", "--duration=" + CONFIG_CACHE_SECONDS));
                }
            } finally {
                run(Commands.asadmin(home, "stop-domain", "domain1"));
            }
        }

        /** bin/harden-broker on the test domain, with the option given (or none), as a process to start. */
        private static ProcessBuilder hardenBroker(Path home, String option) {
            String script = Path.of(System.getProperty("ringproof.harden-script"))
                    .resolveSibling("harden-broker")
                    .toString();
            var command = new java.util.ArrayList<>(List.of("bash", script));
            if (option != null) {
                command.add(option);
            }
            command.add(home.toString());
            var builder = new ProcessBuilder(command);
            // the application's broker password is the one the tests' own JMS client uses (BrokerIT)
            builder.environment().put("BROKER_PASSWORD", System.getProperty("broker.password"));
            return builder;
        }

        /**
         * Whether the server config's three listeners send neither X-Powered-By nor a Server
         * header, and its MicroProfile Config cache is the tests' one.
         */
        static boolean hardenedAlready(Path domainXml) throws IOException {
            String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
            int start = xml.indexOf("<config name=\"server-config\"");
            int end = xml.indexOf("</config>", start);
            if (start < 0 || end < 0) {
                return false;
            }
            String serverConfig = xml.substring(start, end);
            if (!Pattern.compile("<microprofile-config [^>]*cache-duration-seconds=\"" + CONFIG_CACHE_SECONDS + "\"")
                    .matcher(serverConfig)
                    .find()) {
                return false;
            }
            for (String listener : List.of("http-listener-1", "http-listener-2", "admin-listener")) {
                Matcher http = Pattern.compile("<protocol name=\"" + listener + "\"[^>]*>\\s*<http ([^>]*)>")
                        .matcher(serverConfig);
                if (!http.find()
                        || !http.group(1).contains("xpowered-by=\"false\"")
                        || !http.group(1).contains("server-header=\"false\"")) {
                    return false;
                }
            }
            return true;
        }

        private static void run(ProcessBuilder builder) throws IOException, InterruptedException {
            Commands.mustSucceed(builder, Duration.ofSeconds(300));
        }

        private static int exitCode(ProcessBuilder builder) throws IOException, InterruptedException {
            return Commands.run(builder, Duration.ofSeconds(300)).exitCode();
        }
    }
}
