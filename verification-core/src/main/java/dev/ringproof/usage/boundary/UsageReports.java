package dev.ringproof.usage.boundary;

import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.usage.control.LedgerQuery;
import dev.ringproof.usage.control.SummaryCsv;
import dev.ringproof.usage.control.SummaryQuery;
import dev.ringproof.usage.control.UsageCsv;
import dev.ringproof.usage.entity.MonthlySummary;
import dev.ringproof.usage.entity.Period;
import dev.ringproof.usage.entity.TenantUsage;
import dev.ringproof.usage.entity.UsageGroup;
import dev.ringproof.usage.entity.UsageMonth;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Billing's and tenants' views of the ledger: sums over its lines, never over anything else. */
@Stateless
public class UsageReports {

    @PersistenceContext(unitName = "ringproof")
    EntityManager em;

    @Inject
    LedgerQuery ledger;

    @Inject
    SummaryQuery summaries;

    @Inject
    @ConfigProperty(name = "usage.currency", defaultValue = "EUR")
    String billingCurrency;

    /** Refuses (404) a tenant filter that names no tenant, before any report line is written. */
    public void requireTenant(String tenantId) {
        if (tenantId != null && (tenantId.length() > 40 || em.find(Tenant.class, tenantId) == null)) {
            throw Refusal.notFound("tenant");
        }
    }

    /**
     * Streams the report lines of a period to {@code sink}, inside this call's transaction
     * (the cursor needs one); {@code tenantId} null means every tenant.
     */
    public void forEachGroup(Period period, String tenantId, Consumer<UsageGroup> sink) {
        ledger.forEachGroup(period, tenantId, sink);
    }

    /**
     * Writes the report of a period as billing's CSV (UTF-8), streaming: the one place its
     * bytes are made, for the billing API and the console's download alike.
     */
    public void writeCsv(Period period, String tenantId, OutputStream out) {
        writeUtf8(out, writer -> {
            try (var csv = new UsageCsv(writer)) {
                ledger.forEachGroup(period, tenantId, csv::line);
            }
        });
    }

    /** Hands each tenant's summary of {@code month} to {@code sink}, tenant by tenant; {@code tenantId} null: all. */
    public void forEachSummary(UsageMonth month, String tenantId, Consumer<MonthlySummary> sink) {
        summaries.forEachTenant(month, tenantId, billingCurrency, sink);
    }

    /** The monthly summaries as CSV (UTF-8), one line per tenant with traffic. */
    public void writeSummaryCsv(UsageMonth month, String tenantId, OutputStream out) {
        writeUtf8(out, writer -> {
            try (var csv = new SummaryCsv(writer)) {
                summaries.forEachTenant(month, tenantId, billingCurrency, csv::line);
            }
        });
    }

    /** One tenant's summary of {@code month}: all zero when it sent nothing billable. */
    public MonthlySummary summaryOf(String tenantId, UsageMonth month) {
        MonthlySummary[] found = {null};
        summaries.forEachTenant(month, tenantId, billingCurrency, summary -> found[0] = summary);
        if (found[0] != null) {
            return found[0];
        }
        var tenant = em.find(Tenant.class, tenantId);
        return new MonthlySummary(tenantId, tenant == null ? "" : tenant.name(), month, billingCurrency);
    }

    public TenantUsage ofTenant(String tenantId, Period period) {
        var usage = new TenantUsage(period);
        ledger.forEachGroup(period, tenantId, usage::add);
        return usage;
    }

    private static void writeUtf8(OutputStream out, Consumer<Writer> content) {
        try {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.accept(writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The currency prices are kept in, for reports without lines. */
    public String billingCurrency() {
        return billingCurrency;
    }
}
