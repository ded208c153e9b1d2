package dev.ringproof.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The system tests' server gets the web steps of bin/harden-payara (no X-Powered-By, no
 * Server header) as soon as Arquillian has started it, before the first deployment, so that
 * ServerHeadersIT checks what operators' servers get. The admin port keeps no password here:
 * it listens on this machine only, and Arquillian's managed container deploys through it.
 */
public class HardenedServer implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Hardening.class);
    }

    /** The Arquillian observer: runs the script once the server is up. */
    public static class Hardening {

        public void harden(@Observes AfterStart event) throws IOException, InterruptedException {
            Path home = Path.of(System.getProperty("payara.home"));
            Path script = Path.of(System.getProperty("ringproof.harden-script"));
            var process = new ProcessBuilder("bash", script.toString(), "--web-only",
                    "--asadmin", home.resolve("bin/asadmin").toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/harden-payara --web-only failed: " + output);
            }
        }
    }
}
