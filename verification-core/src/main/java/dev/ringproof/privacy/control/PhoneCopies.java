package dev.ringproof.privacy.control;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every place a phone number of a person is kept, and what erasing it does there (the data
 * inventory, docs/data-inventory.md, lists the same places). Written as SQL over the tables
 * rather than through each component's entities, so one class names them all and no
 * component has to know the others. Rows that exist only because of the number (counters,
 * streaks, sandbox handsets and messages) are deleted; rows that other records need
 * (verifications for the ledger, webhook events for the delivery log) keep their place with
 * the number masked as {@code +44*********56}, and payloads and references with it masked
 * wherever it appears, with or without the {@code +}.
 */
public final class PhoneCopies {

    private final EntityManager em;

    public PhoneCopies(EntityManager em) {
        this.em = em;
    }

    /** Erases {@code e164} everywhere, or only in one tenant's rows; answers the rows changed per table. */
    public Map<String, Integer> erase(String e164, String masked, String tenantId) {
        String digits = e164.substring(1);
        String maskedDigits = masked.substring(1);
        String ofTenant = tenantId == null ? "" : " and tenant_id = ?6";
        var rows = new LinkedHashMap<String, Integer>();
        rows.put(
                "verification",
                run(
                        "update verification set phone = ?1,"
                                + " reference = replace(replace(reference, ?2, ?1), ?3, ?4)"
                                + " where (phone = ?2 or reference like ?5)" + ofTenant,
                        e164,
                        masked,
                        digits,
                        maskedDigits,
                        tenantId));
        rows.put(
                "webhook_event",
                run(
                        "update webhook_event set payload = replace(replace(payload, ?2, ?1), ?3, ?4)"
                                + " where payload like ?5" + ofTenant,
                        e164,
                        masked,
                        digits,
                        maskedDigits,
                        tenantId));
        rows.put(
                "sandbox_handset",
                run(
                        "delete from sandbox_handset where phone = ?2" + ofTenant,
                        e164,
                        masked,
                        digits,
                        maskedDigits,
                        tenantId));
        if (tenantId == null) {
            // kept per number, not per tenant: only an erasure for every tenant removes them
            rows.put(
                    "outbox_message",
                    run(
                            "update outbox_message set payload = replace(replace(payload, ?2, ?1), ?3, ?4)"
                                    + " where payload like ?5",
                            e164,
                            masked,
                            digits,
                            maskedDigits,
                            null));
            rows.put(
                    "sandbox_message",
                    run("delete from sandbox_message where phone = ?2", e164, masked, digits, maskedDigits, null));
            rows.put(
                    "rate_limit_counter",
                    run("delete from rate_limit_counter where subject = ?2", e164, masked, digits, maskedDigits, null));
            rows.put(
                    "failed_check_streak",
                    run(
                            "delete from failed_check_streak where subject in ('live:' || ?2, 'test:' || ?2)",
                            e164,
                            masked,
                            digits,
                            maskedDigits,
                            null));
        }
        return rows;
    }

    private int run(String sql, String e164, String masked, String digits, String maskedDigits, String tenantId) {
        var query = em.createNativeQuery(sql);
        if (sql.contains("?1")) {
            query.setParameter(1, masked);
        }
        query.setParameter(2, e164);
        if (sql.contains("?3")) {
            query.setParameter(3, digits);
            query.setParameter(4, maskedDigits);
        }
        if (sql.contains("?5")) {
            query.setParameter(5, "%" + digits + "%");
        }
        if (tenantId != null) {
            query.setParameter(6, tenantId);
        }
        return query.executeUpdate();
    }
}
