package dev.ringproof.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The system tests' server gets the web steps of bin/harden-payara (no X-Powered-By, no
 * Server header), so that ServerHeadersIT checks what operators' servers get. Before
 * Arquillian starts the domain (it does so at the first deployment), this starts it once,
 * applies the script and stops it again: the settings are in domain.xml from the first boot
 * on, and also after CrashRecoveryIT's restarts. The admin port keeps no password here: it
 * is a test machine's, and Arquillian's managed container deploys through it.
 */
public class HardenedServer implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Hardening.class);
    }

    /** The Arquillian observer: start, harden, stop, once per test run. */
    public static class Hardening {

        public void harden(@Observes BeforeStart event) throws IOException, InterruptedException {
            Path home = Path.of(System.getProperty("payara.home"));
            String asadmin = home.resolve("bin/asadmin").toString();
            run(List.of("bash", asadmin, "start-domain", "domain1"));
            try {
                run(List.of("bash", System.getProperty("ringproof.harden-script"), "--web-only", "--asadmin", asadmin));
            } finally {
                run(List.of("bash", asadmin, "stop-domain", "domain1"));
            }
        }

        private static void run(List<String> command) throws IOException, InterruptedException {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        }
    }
}
