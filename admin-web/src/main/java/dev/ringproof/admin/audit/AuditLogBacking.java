package dev.ringproof.admin.audit;

import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.audit.boundary.AuditTrail;
import dev.ringproof.audit.boundary.AuditTrail.Criteria;
import dev.ringproof.audit.entity.AuditEntry;
import dev.ringproof.platform.boundary.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** audit/log.xhtml: the audit trail, newest first, filtered by actor, target, action and UTC days. */
@Named
@ViewScoped
public class AuditLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_ROWS = 200;

    /** An entry as the page shows it. */
    public record Row(
            OffsetDateTime at,
            String actor,
            String role,
            String address,
            String action,
            String targetType,
            String targetId,
            String changes)
            implements Serializable {

        static Row of(AuditEntry e) {
            return new Row(
                    e.at(), e.actor(), e.role(), e.address(), e.action(), e.targetType(), e.targetId(), e.changes());
        }
    }

    @EJB
    AuditTrail trail;

    private String actor;
    private String target;
    private String action;
    private LocalDate from;
    private LocalDate to;
    private List<Row> rows;

    @ShowsRefusals(@Input(field = "to", id = "search:to"))
    public void search() {
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.invalid("to", "must not be before from");
        }
        rows = found();
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = found();
        }
        return rows;
    }

    private List<Row> found() {
        return trail
                .page(new Criteria(blankless(actor), blankless(target), blankless(action), from, to), null, MAX_ROWS)
                .items()
                .stream()
                .map(Row::of)
                .toList();
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
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
