package dev.ringproof.telephony.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * How a virtual handset answers: to make fallbacks happen on purpose in demos and tests.
 * Set on the open sandbox it holds for everybody's traffic ({@link #EVERY_TENANT}); set with a
 * tenant's test key on a closed sandbox it holds for that tenant's test traffic only.
 */
@Entity
@Table(name = "sandbox_handset")
@IdClass(HandsetBehaviour.Key.class)
public class HandsetBehaviour {

    /** The owner of settings made on the open sandbox: they hold for every tenant's traffic. */
    public static final String EVERY_TENANT = "*";

    @Id
    @Column(name = "tenant_id")
    private String tenantId;

    @Id
    private String phone;

    private String calls;

    /** Calls ring and are picked up ({@code calls} "answer", stored as "ring" and this). */
    private boolean answers;

    private String sms;
    private String voice;

    /** The primary key: whose setting, for which handset. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String tenantId;
        private String phone;

        public Key() {
            // for JPA
        }

        public Key(String tenantId, String phone) {
            this.tenantId = tenantId;
            this.phone = phone;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(phone, key.phone);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, phone);
        }
    }

    protected HandsetBehaviour() {
        // for JPA
    }

    /** The defaults: rings and delivers. */
    public HandsetBehaviour(String tenantId, String phone) {
        this.tenantId = tenantId;
        this.phone = phone;
        this.calls = "ring";
        this.sms = "deliver";
        this.voice = "deliver";
    }

    public void change(String calls, String sms, String voice) {
        if (calls != null) {
            this.answers = "answer".equals(calls);
            this.calls = answers ? "ring" : calls;
        }
        if (sms != null) {
            this.sms = sms;
        }
        if (voice != null) {
            this.voice = voice;
        }
    }

    /** Whether a call reaches the handset: it rings, and may be answered. */
    public boolean rings() {
        return "ring".equals(calls);
    }

    /** Whether the handset picks up a flash call (which is then hung up at once). */
    public boolean answers() {
        return answers;
    }

    public boolean takesSms() {
        return "deliver".equals(sms);
    }

    public boolean takesVoice() {
        return "deliver".equals(voice);
    }

    public String phone() {
        return phone;
    }

    public String calls() {
        return answers ? "answer" : calls;
    }

    public String sms() {
        return sms;
    }

    public String voice() {
        return voice;
    }
}
