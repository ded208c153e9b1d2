package dev.ringproof.admin.verification;

import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.platform.control.PhoneNumbers;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.verification.boundary.VerificationHistory;
import dev.ringproof.verification.boundary.VerificationHistory.Criteria;
import dev.ringproof.verification.entity.Verification;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** verifications/list.xhtml: search by tenant, phone, status and UTC days; phones are masked in the list. */
@Named
@ViewScoped
public class ListVerificationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_ROWS = 200;

    /** A row as the list shows it: the phone already masked, nothing else of the verification kept. */
    public record Row(
            String id,
            String tenantId,
            String phone,
            String country,
            String status,
            String channel,
            String door,
            OffsetDateTime createdAt)
            implements Serializable {

        static Row of(Verification v) {
            return new Row(
                    v.id(),
                    v.tenantId(),
                    PhoneNumbers.mask(v.phone()),
                    v.country(),
                    v.status().wireName(),
                    v.currentAttempt().map(a -> a.channel().wireName()).orElse(""),
                    v.presentation().door(),
                    v.createdAt());
        }
    }

    @EJB
    VerificationHistory history;

    @EJB
    Tenants tenants;

    private String tenantId;
    private String phone;
    private String status;
    private LocalDate from;
    private LocalDate to;
    private List<Row> rows;

    @ShowsRefusals({
        @Input(field = "phone", id = "search:phone"),
        @Input(field = "status", id = "search:status"),
        @Input(field = "to", id = "search:to")
    })
    public void search() {
        rows = found();
    }

    /** The first rendering lists the latest verifications: no criteria yet, nothing to refuse. */
    public List<Row> getRows() {
        if (rows == null) {
            rows = found();
        }
        return rows;
    }

    private List<Row> found() {
        return history.search(new Criteria(tenantId, phone, status, from, to), 0, MAX_ROWS).stream()
                .map(Row::of)
                .toList();
    }

    public List<Tenant> getTenants() {
        return tenants.search("", 0, 1000);
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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
}
