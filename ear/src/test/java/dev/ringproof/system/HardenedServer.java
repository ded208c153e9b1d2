package dev.ringproof.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The system tests' server gets the web steps of bin/harden-payara (no X-Powered-By, no
 * Server header), so that ServerHeadersIT checks what operators' servers get. Before
 * Arquillian starts the domain (it does so at the first deployment), this starts it once,
 * applies the script and stops it again: the settings are in domain.xml from the first boot
 * on, and also after CrashRecoveryIT's restarts. A domain whose domain.xml has them already
 * (the unpacked server is kept between runs, e.g. CI's second pass) skips that start and stop,
 * some 30 s. The admin port keeps no password here: it is a test machine's, and Arquillian's
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
            if (hardenedAlready(home.resolve("glassfish/domains/domain1/config/domain.xml"))) {
                return;
            }
            String asadmin = home.resolve("bin/asadmin").toString();
            run(List.of("bash", asadmin, "start-domain", "domain1"));
            try {
                run(List.of("bash", System.getProperty("ringproof.harden-script"), "--web-only", "--asadmin", asadmin));
                run(List.of("bash", asadmin, "set-config-cache", "--duration=" + CONFIG_CACHE_SECONDS));
            } finally {
                run(List.of("bash", asadmin, "stop-domain", "domain1"));
            }
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

        private static void run(List<String> command) throws IOException, InterruptedException {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        }
    }
}
