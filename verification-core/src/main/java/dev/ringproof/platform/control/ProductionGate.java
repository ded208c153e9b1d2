package dev.ringproof.platform.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stops a deployment whose configuration production mode does not accept, so no request is ever
 * served with a development secret or an open sandbox. A CDI extension and not a startup bean:
 * a deployment problem fails the deployment before anything starts (no migration, no health
 * check registered; a startup bean failed after Payara had registered the readiness check, which
 * then broke /health/ready until a restart). The findings go into one log line and the error.
 */
public class ProductionGate implements Extension {

    private static final Logger LOG = Logger.getLogger(ProductionGate.class.getName());

    void check(@Observes AfterDeploymentValidation validation) {
        var config = ConfigProvider.getConfig();
        var checklist = new ProductionChecklist(
                config.getOptionalValue(RunMode.KEY, String.class).orElse(RunMode.DEVELOPMENT.wireName()),
                config.getOptionalValue("verification.code-secret", String.class)
                        .orElse(ProductionChecklist.DEVELOPMENT_CODE_SECRET),
                // the same converter as the sandbox API's, so "yes" or "1" count as open here too
                config.getOptionalValue("sandbox.open", Boolean.class).orElse(true));
        var findings = checklist.findings();
        if (!findings.isEmpty()) {
            String line = "Ringproof refuses to deploy; fix these settings: " + String.join("; ", findings);
            LOG.severe(line);
            validation.addDeploymentProblem(new IllegalStateException(line));
            return;
        }
        LOG.info(() -> "Ringproof runs in " + checklist.runMode().orElseThrow().wireName() + " mode");
    }
}
