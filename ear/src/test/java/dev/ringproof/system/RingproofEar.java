package dev.ringproof.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real EAR as the build made it, deployed once for the whole run of system tests.
 *
 * <p>Arquillian deploys a class's {@code @Deployment} before the class and undeploys it after.
 * Redeploying Ringproof for every class undeployed it while the fallbacks of earlier classes
 * were still being delivered to its message-driven beans, and Payara 6 then left the JMS
 * worker thread of that delivery with a dead XA transaction ("Attempt to invoke when container
 * is in Undeployed", a ClassCastException, then "Unknown XID" for every later message on that
 * thread): whatever that thread took afterwards, in any later deployment, was rolled back
 * until the next redeploy. Which test lost a message was chance (TelephonyIT's voice fallback,
 * CrashRecoveryIT's missed call). So the real EAR stays deployed from the first class to the
 * end, as on a production server, and Arquillian deploys and undeploys only an empty marker.
 */
final class RingproofEar {

    static final String NAME = "ringproof";

    private static boolean deployed;

    private RingproofEar() {
    }

    /** What a system test class gives Arquillian to deploy: a marker, once the real EAR is up. */
    static synchronized EnterpriseArchive asBuilt() {
        if (!deployed) {
            deployRealEar();
            deployed = true;
        }
        return ShrinkWrap.create(EnterpriseArchive.class, "ringproof-system-test-marker.ear")
                .addAsModule(ShrinkWrap.create(WebArchive.class, "system-test-marker.war")
                        .addAsWebResource(new StringAsset("the real EAR is deployed once as " + NAME), "index.txt"));
    }

    /** Replaces whatever an earlier run left deployed, so every run tests the EAR it built. */
    private static void deployRealEar() {
        var ear = new File(System.getProperty("ringproof.ear", "target/ringproof.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("build the EAR first: " + ear.getAbsolutePath() + " is missing");
        }
        Path home = Path.of(System.getProperty("payara.home"));
        try {
            Path output = Files.createTempFile("asadmin-deploy", ".log");
            var asadmin = new ProcessBuilder("bash", home.resolve("bin/asadmin").toString(), "deploy",
                    "--force=true", "--name=" + NAME, ear.getAbsolutePath())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!asadmin.waitFor(300, TimeUnit.SECONDS)) {
                asadmin.destroyForcibly();
                throw new IllegalStateException("asadmin deploy did not finish in 300 s");
            }
            if (asadmin.exitValue() != 0) {
                throw new IllegalStateException("asadmin deploy failed: " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run asadmin deploy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        awaitReady();
    }

    private static void awaitReady() {
        var http = new Http();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.get("health/ready").statusCode() == 200) {
                    return;
                }
            } catch (java.io.UncheckedIOException notYet) {
                // the HTTP listener is not answering yet
            }
            Ringproof.sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Ringproof did not become ready after its deployment");
    }
}
