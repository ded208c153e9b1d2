package dev.ringproof.telephony.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How a virtual handset answers: to make fallbacks happen on purpose in demos and tests. */
@Entity
@Table(name = "sandbox_handset")
public class HandsetBehaviour {

    @Id
    private String phone;
    private String calls;
    private String sms;
    private String voice;

    protected HandsetBehaviour() {
        // for JPA
    }

    public HandsetBehaviour(String phone) {
        this.phone = phone;
        this.calls = "ring";
        this.sms = "deliver";
        this.voice = "deliver";
    }

    public void change(String calls, String sms, String voice) {
        if (calls != null) {
            this.calls = calls;
        }
        if (sms != null) {
            this.sms = sms;
        }
        if (voice != null) {
            this.voice = voice;
        }
    }

    public boolean rings() {
        return "ring".equals(calls);
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
        return calls;
    }

    public String sms() {
        return sms;
    }

    public String voice() {
        return voice;
    }
}
