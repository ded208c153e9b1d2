package dev.ringproof.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/**
 * The console's menu. A new page is one line here (and, for admin-only pages, its path in
 * web.xml's admin constraint).
 */
@Named
@ApplicationScoped
public class Navigation {

    /** A menu entry, shown to callers in any of {@code roles}; {@code section} is the view folder it highlights. */
    public record Entry(String label, String outcome, String section, String icon, String... roles) {

        boolean visibleTo(FacesContext faces) {
            return Arrays.stream(roles).anyMatch(faces.getExternalContext()::isUserInRole);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("Dashboard", "/index.xhtml", "", "pi pi-chart-bar", "admin", "billing"),
            new Entry("Tenants", "/tenants/list.xhtml", "tenants", "pi pi-building", "admin"),
            new Entry("Number pools", "/pools/list.xhtml", "pools", "pi pi-phone", "admin"),
            new Entry("Verifications", "/verifications/list.xhtml", "verifications", "pi pi-search", "admin"),
            new Entry("Rate limits & fraud", "/ratelimits/list.xhtml", "ratelimits", "pi pi-shield", "admin"),
            new Entry("Prices", "/prices/list.xhtml", "prices", "pi pi-euro", "admin"),
            new Entry("Usage", "/usage/report.xhtml", "usage", "pi pi-wallet", "admin", "billing"),
            new Entry("Users", "/users/list.xhtml", "users", "pi pi-users", "admin"),
            new Entry("Audit", "/audit/log.xhtml", "audit", "pi pi-history", "admin"),
            new Entry("My account", "/account/index.xhtml", "account", "pi pi-user", "admin", "billing"));

    public List<Entry> entries() {
        var faces = FacesContext.getCurrentInstance();
        return ENTRIES.stream().filter(entry -> entry.visibleTo(faces)).toList();
    }

    /** Whether {@code entry} is the section of the page being shown. */
    public boolean isCurrent(Entry entry) {
        String view = FacesContext.getCurrentInstance().getViewRoot().getViewId();
        return entry.section().isEmpty() ? view.equals("/index.xhtml") : view.startsWith("/" + entry.section() + "/");
    }
}
