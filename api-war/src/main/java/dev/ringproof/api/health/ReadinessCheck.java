package dev.ringproof.api.health;

import dev.ringproof.numberpool.boundary.PoolGauges;
import dev.ringproof.platform.boundary.ServiceStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}. It lives in a WAR because Payara collects MicroProfile health
 * checks from web modules only; the facts come from verification-core.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @EJB
    ServiceStatus status;

    @EJB
    PoolGauges pools;

    @Override
    public HealthCheckResponse call() {
        boolean schema = status.schemaIsCurrent();
        boolean database = status.databaseAnswers();
        boolean broker = status.brokerAnswers();
        return HealthCheckResponse.named("ringproof")
                .withData("schema", schema ? "current" : "pending")
                .withData("database", database ? "up" : "down")
                .withData("database_product", status.databaseProduct())
                .withData("broker", broker ? "up" : "down")
                .withData("mode", status.mode())
                .withData("outbox_overdue", schema && database ? status.overdueOutboxMessages() : -1)
                // a warning, not a failure: the workflow's next channel serves those verifications
                .withData("missed_call_short", String.join(",", pools.countriesShortOfBlocks()))
                .status(schema && database && broker)
                .build();
    }
}
