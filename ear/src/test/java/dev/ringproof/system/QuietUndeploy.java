package dev.ringproof.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.event.container.BeforeUnDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Empties Ringproof's queues before Arquillian undeploys the EAR after a test class.
 * Timers that earlier classes left (fallbacks 30 s and more ahead) were delivered to the
 * message-driven beans while Payara undeployed them: "container is in Undeployed", then a
 * ClassCastException on the retry, after which that JMS worker thread ran every later
 * message in a dead transaction and its effects were lost (a voice fallback of TelephonyIT
 * two classes on). The suite now deploys once per run ({@link DeployOnce}), so this runs
 * once, before the undeploy at the end: the server stops quietly. What is flushed stays in
 * the outbox, and the next deployment's sweeper relays it again.
 */
public class QuietUndeploy implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(QueueFlush.class);
    }

    /** The Arquillian observer: flushes the three queues with one asadmin call. */
    public static class QueueFlush {

        private static final Logger LOG = Logger.getLogger(QueueFlush.class.getName());
        private static final String[] QUEUES = {"RingproofFallbacks", "RingproofOutbound", "RingproofWebhooks"};

        public void flush(@Observes BeforeUnDeploy event) throws IOException, InterruptedException {
            Path home = Path.of(System.getProperty("payara.home"));
            Path commands = Files.createTempFile("flush-queues", ".asadmin");
            try {
                var lines = new StringBuilder();
                for (String queue : QUEUES) {
                    lines.append("flush-jmsdest --desttype queue ")
                            .append(queue)
                            .append('\n');
                }
                Files.writeString(commands, lines);
                var flushed = Commands.run(
                        Commands.asadmin(home, "multimode", "--file", commands.toString()), Duration.ofSeconds(60));
                if (flushed.exitCode() != 0) {
                    // a queue that was never created cannot be flushed; the undeploy goes on regardless
                    LOG.warning("Flushing the queues before undeploy said: " + flushed.output());
                }
            } finally {
                Files.deleteIfExists(commands);
            }
        }
    }
}
