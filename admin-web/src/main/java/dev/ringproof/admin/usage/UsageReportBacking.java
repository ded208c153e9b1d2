package dev.ringproof.admin.usage;

import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.usage.boundary.UsageReports;
import dev.ringproof.usage.entity.MonthlySummary;
import dev.ringproof.usage.entity.Period;
import dev.ringproof.usage.entity.UsageMonth;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * usage/report.xhtml (admin and billing): the billing report of a period, optionally of one
 * tenant, with its totals, the monthly summaries of a month, and the billing CSV download,
 * whose bytes come from the same code as the billing API's.
 */
@Named
@ViewScoped
public class UsageReportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    UsageReports reports;

    @EJB
    Tenants tenants;

    private LocalDate from = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    private LocalDate to = LocalDate.now(ZoneOffset.UTC);
    private String tenantId;
    private String month = YearMonth.now(ZoneOffset.UTC).toString();
    private ReportTable table;
    private List<MonthlySummary> summaries;

    /** The view action of a bookmarked report (?from=…&to=…), and the Show button. */
    @ShowsRefusals({
        @Input(field = "from", id = "report:from"),
        @Input(field = "to", id = "report:to"),
        @Input(field = "month", id = "report:month")
    })
    public void show() {
        var period = checkedPeriod();
        var checkedMonth = UsageMonth.parse(month);
        var report = new ReportTable(period);
        reports.forEachGroup(period, tenant(), report::add);
        List<MonthlySummary> found = new ArrayList<>();
        reports.forEachSummary(checkedMonth, tenant(), found::add);
        table = report;
        summaries = found;
    }

    /** Sends the billing CSV of the period as the response, instead of the page. */
    @ShowsRefusals({@Input(field = "from", id = "report:from"), @Input(field = "to", id = "report:to")})
    public void downloadCsv() throws IOException {
        var period = checkedPeriod();
        var faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Cache-Control", "no-store");
        external.setResponseHeader(
                "Content-Disposition", "attachment; filename=\"usage-" + period.from() + "-" + period.to() + ".csv\"");
        reports.writeCsv(period, tenant(), external.getResponseOutputStream());
        faces.responseComplete();
    }

    /** The tenant picker's choices, as on the other console pages: the first 1000 tenants. */
    public List<Tenant> getTenants() {
        return tenants.search("", 0, 1000);
    }

    private Period checkedPeriod() {
        var period = Period.parse(from == null ? null : from.toString(), to == null ? null : to.toString());
        reports.requireTenant(tenant());
        return period;
    }

    private String tenant() {
        return tenantId == null || tenantId.isBlank() ? null : tenantId;
    }

    public ReportTable getTable() {
        return table;
    }

    public List<MonthlySummary> getSummaries() {
        return summaries;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }
}
