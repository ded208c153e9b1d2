package dev.ringproof.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Stops a deployment whose configuration production mode does not accept: a startup bean that
 * fails makes the deployment fail, so no request is ever served with a development secret or an
 * open sandbox. The findings go into one log line, and into the deployment's error.
 */
@Singleton
@Startup
public class ProductionGate {

    private static final Logger LOG = Logger.getLogger(ProductionGate.class.getName());

    @Inject
    Config config;

    @PostConstruct
    void check() {
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
            throw new IllegalStateException(line);
        }
        LOG.info(() -> "Ringproof runs in " + checklist.runMode().orElseThrow().wireName() + " mode");
    }
}
