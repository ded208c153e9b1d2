package dev.ringproof.system;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.Container;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * One deployment of the EAR for the whole run instead of one per test class, as production
 * deploys it once. Every system test class deploys the same {@link RingproofEar} and only talks
 * HTTP to it ({@code testable = false}), so a redeploy between classes tests nothing and cost
 * some 20 s a class on 2 cores (queue flush and undeploy about 8 s, deploy about 10.5 s):
 * the first class's deployment stays, later classes with the same archive find it in place, and
 * it is undeployed when Arquillian stops the server at the end of the run. A class with another
 * archive deploys and undeploys as usual. What this gives up, the tests must not need: a class
 * sees what earlier classes left in the application's memory as it sees what they left in the
 * database, so each works with tenants, numbers and users of its own.
 */
public class DeployOnce implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(KeepDeployed.class);
    }

    /** The Arquillian observer: lets the first deployment through, and its undeployment only at the end. */
    public static class KeepDeployed {

        private static final Logger LOG = Logger.getLogger(KeepDeployed.class.getName());

        /** What is deployed for the run and where, or null. */
        private static Container container;

        private static Deployment deployed;
        private static boolean ending;

        @Inject
        private Event<UnDeployDeployment> undeploy;

        public void deploy(@Observes EventContext<DeployDeployment> context) {
            Deployment deployment = context.getEvent().getDeployment();
            if (deployed != null && sameArchive(deployed, deployment)) {
                // what a deployment would have recorded, so that Arquillian treats this class as deployed
                deployment.deployed();
                return;
            }
            context.proceed();
            if (deployment.isDeployed()
                    && !deployment.hasDeploymentError()
                    && deployment.getDescription().isArchiveDeployment()) {
                LOG.info(() ->
                        "Deployed " + deployment.getDescription().getArchive().getName() + " for the rest of the run");
                container = context.getEvent().getContainer();
                deployed = deployment;
            }
        }

        public void undeploy(@Observes EventContext<UnDeployDeployment> context) {
            Deployment deployment = context.getEvent().getDeployment();
            if (!ending && deployed != null && sameArchive(deployed, deployment)) {
                return; // the next class uses it
            }
            context.proceed();
        }

        /** The server stops at the end of the run: the one deployment goes first, so the domain keeps none. */
        public void undeployAtTheEnd(@Observes BeforeStop event) {
            if (deployed == null) {
                return;
            }
            ending = true;
            try {
                undeploy.fire(new UnDeployDeployment(container, deployed));
            } catch (RuntimeException e) {
                // the server stops anyway; a domain that kept it would refuse the next run's deployment
                LOG.log(Level.WARNING, "Undeploying at the end of the run failed", e);
            } finally {
                deployed = null;
                container = null;
                ending = false;
            }
        }

        private static boolean sameArchive(Deployment one, Deployment other) {
            var a = one.getDescription();
            var b = other.getDescription();
            return a.isArchiveDeployment()
                    && b.isArchiveDeployment()
                    && a.getArchive().getName().equals(b.getArchive().getName())
                    && a.testable() == b.testable()
                    && a.getTarget().equals(b.getTarget());
        }
    }
}
