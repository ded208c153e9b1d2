package dev.ringproof.system;

import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * An Arquillian extension (META-INF/services): deploys the real EAR once Arquillian has started
 * the server for the run, and undeploys it before Arquillian stops the server. See
 * {@link RingproofEar} for why it is not redeployed per test class.
 */
public class DeployedOnce implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Lifecycle.class);
    }

    /** Observes the managed server's start and stop. */
    public static class Lifecycle {

        public void started(@Observes AfterStart event) {
            RingproofEar.deploy();
        }

        /** Best effort: a failure here must not keep Arquillian from stopping the server. */
        public void stopping(@Observes BeforeStop event) {
            try {
                RingproofEar.undeploy();
            } catch (RuntimeException e) {
                System.err.println("[system tests] the EAR stays deployed: " + e.getMessage());
            }
        }
    }
}
