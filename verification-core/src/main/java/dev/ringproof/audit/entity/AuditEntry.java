package dev.ringproof.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One line of the audit trail: who ({@code actor}, their role, from which address) did what
 * ({@code action}) to which thing ({@code targetType}, {@code targetId}), with the fields it
 * changed as a JSON object {@code {"field": {"from": …, "to": …}}} (a secret only as
 * {@code {"changed": true}}). Written once, never changed: the class has no setter, is never
 * persisted through JPA, and the database refuses UPDATE and DELETE on the table.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    static final int MAX_CHANGES = 16000;

    /** Given by the database on insert ({@code AuditTrail} writes entries by SQL); read only here. */
    @Id
    private long seq;

    private OffsetDateTime at;
    private String actor;
    private String role;
    private String address;
    private String action;

    @Column(name = "target_type")
    private String targetType;

    @Column(name = "target_id")
    private String targetId;

    private String changes;

    protected AuditEntry() {
        // JPA
    }

    public AuditEntry(
            Actor actor, String action, String targetType, String targetId, String changes, OffsetDateTime at) {
        this.actor = actor.name();
        this.role = actor.role();
        this.address = actor.address();
        this.action = action;
        this.targetType = targetType;
        this.targetId = cut(targetId, 128);
        this.changes = changes.length() > MAX_CHANGES ? "{\"truncated\":true}" : changes;
        this.at = at;
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    public long seq() {
        return seq;
    }

    public OffsetDateTime at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String role() {
        return role;
    }

    public String address() {
        return address;
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    /** The changed fields, a JSON object. */
    public String changes() {
        return changes;
    }
}
