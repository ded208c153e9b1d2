package dev.ringproof.admin.tenant;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.platform.boundary.Refusal;
import dev.ringproof.tenant.boundary.Tenants;
import dev.ringproof.tenant.entity.Tenant;
import dev.ringproof.webhook.boundary.WebhookDeliveries;
import dev.ringproof.webhook.boundary.WebhookEndpoints;
import dev.ringproof.webhook.entity.Webhook;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * tenants/webhook.xhtml: a tenant's webhook endpoint and its state, secret rotation, and the
 * delivery log, newest first, a page at a time (a bookmarkable ?page=), with a replay per
 * event. View scope: a replay button inside the log's table is found on the postback only
 * if the rows are there before the view parameters are applied again. A new secret is shown
 * in the answer to the POST that issued it only: every other action clears it.
 */
@Named
@ViewScoped
public class TenantWebhookBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE = 500;

    /** One attempt as the log shows it; {@code newestOfEvent} carries the event's replay button. */
    public record Row(
            String eventId,
            String type,
            int attempt,
            Integer status,
            String error,
            long latencyMs,
            LocalDateTime attemptedAt,
            LocalDateTime nextAttemptAt,
            boolean newestOfEvent)
            implements Serializable {

        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @EJB
    Tenants tenants;

    @EJB
    WebhookDeliveries deliveries;

    @EJB
    WebhookEndpoints webhooks;

    private String tenantId;
    private int page;
    /** Read again when missing: a JPA entity is not written out with the view. */
    private transient Tenant tenant;

    private Webhook webhook;
    private List<Row> rows;
    private boolean older;
    private String newSecret;

    @ShowsRefusals(notFound = true)
    public void load() {
        tenant = tenants.find(tenantId);
    }

    /** A new signing secret, shown once; the old one signs beside it for 24 hours. */
    @ShowsRefusals
    public void rotate() {
        tenant = null;
        webhook = null;
        newSecret = tenants.rotateWebhookSecret(tenantId);
        RefusalMessages.info("Issued a new signing secret; the old one keeps signing beside it for 24 hours.");
    }

    /** Deliveries resume, as after a PATCH of the same URL: with a new secret. */
    @ShowsRefusals
    public void reenable() {
        tenant = null;
        webhook = null;
        newSecret = tenants.resumeWebhook(tenantId);
        RefusalMessages.info("Deliveries resume. The webhook has a new signing secret: give it to the receiver.");
    }

    /** Delivers the event (its id is the clicked button's request parameter) again from its first attempt. */
    @ShowsRefusals
    public void replay() {
        newSecret = null;
        rows = null;
        String eventId = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("event");
        if (!getWebhook().isActive()) {
            throw new Refusal(Refusal.Reason.INVALID_STATE, "Deliveries are stopped: re-enable the webhook first.");
        }
        deliveries.replay(eventId);
        RefusalMessages.info("Replaying " + eventId + ": its delivery starts again from attempt 1.");
    }

    public List<Row> getRows() {
        if (rows == null) {
            var lines = deliveries.log(tenantId, page * PAGE_SIZE, PAGE_SIZE + 1);
            older = lines.size() > PAGE_SIZE;
            var seen = new HashSet<String>();
            rows = new ArrayList<>();
            for (var line : lines.subList(0, Math.min(PAGE_SIZE, lines.size()))) {
                var d = line.delivery();
                rows.add(new Row(
                        d.eventId(),
                        line.eventType(),
                        d.attempt(),
                        d.statusCode(),
                        d.error(),
                        d.latencyMs(),
                        utc(d.attemptedAt()),
                        utc(line.nextAttemptAt()),
                        seen.add(d.eventId())));
            }
        }
        return rows;
    }

    public boolean isOlder() {
        getRows();
        return older;
    }

    public Tenant getTenant() {
        if (tenant == null) {
            tenant = tenants.find(tenantId);
        }
        return tenant;
    }

    public Webhook getWebhook() {
        if (webhook == null) {
            webhook = webhooks.of(tenantId);
        }
        return webhook;
    }

    /** "none", "enabled" or "disabled". */
    public String getState() {
        return getWebhook().state();
    }

    public LocalDateTime getDisabledAt() {
        return utc(getWebhook().disabledAt());
    }

    private static LocalDateTime utc(OffsetDateTime time) {
        return time == null
                ? null
                : time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().withNano(0);
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public int getPageNumber() {
        return page;
    }

    public String getPage() {
        return Integer.toString(page);
    }
    /** Anything but a small page number shows the first page. */
    public void setPage(String page) {
        this.page = page != null && page.matches("[0-9]{1,3}") ? Math.min(MAX_PAGE, Integer.parseInt(page)) : 0;
    }

    public String getNewSecret() {
        return newSecret;
    }
}
