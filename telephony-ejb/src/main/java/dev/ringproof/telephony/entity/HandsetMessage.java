package dev.ringproof.telephony.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Something a virtual handset of the sandbox carrier received: a call, an SMS or a voice message. */
@Entity
@Table(name = "sandbox_message")
@NamedQuery(
        name = HandsetMessage.INBOX,
        query = "select m from HandsetMessage m where m.phone = :phone order by m.receivedAt, m.id")
public class HandsetMessage {

    public static final String INBOX = "HandsetMessage.inbox";
    /** Native: only what a tenant's test traffic brought to the handset. */
    public static final String INBOX_OF_TENANT_TESTS = "select m.id, m.phone, m.type, m.sender, m.text, m.received_at"
            + " from sandbox_message m join outbound_send s on s.provider_ref = m.id"
            + " where m.phone = ?1 and s.tenant_id = ?2 and s.test = true order by m.received_at, m.id";

    public enum Type {
        CALL,
        SMS,
        VOICE
    }

    @Id
    private String id;

    @Column(nullable = false)
    private String phone;

    @Column(nullable = false)
    private String type;

    @Column(name = "sender", nullable = false)
    private String from;

    private String text;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected HandsetMessage() {
        // for JPA
    }

    public HandsetMessage(String id, String phone, Type type, String from, String text, OffsetDateTime receivedAt) {
        this.id = id;
        this.phone = phone;
        this.type = type.name().toLowerCase(java.util.Locale.ROOT);
        this.from = from;
        this.text = text;
        this.receivedAt = receivedAt;
    }

    public String id() {
        return id;
    }

    public String phone() {
        return phone;
    }

    public String type() {
        return type;
    }

    public String from() {
        return from;
    }

    public String text() {
        return text;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }
}
