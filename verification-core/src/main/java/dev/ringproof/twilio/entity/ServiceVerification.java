package dev.ringproof.twilio.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Ties a verification started through the Twilio door to its Service, by ids. */
@Entity
@Table(name = "twilio_verification")
@NamedQuery(
        name = ServiceVerification.LATEST_TO_PHONE,
        query = "select v from ServiceVerification v where v.serviceSid = :service and v.phone = :phone"
                + " order by v.createdAt desc, v.verificationId")
public class ServiceVerification {

    public static final String LATEST_TO_PHONE = "ServiceVerification.latestToPhone";

    @Id
    @Column(name = "verification_id")
    private String verificationId;

    @Column(name = "service_sid")
    private String serviceSid;

    private String phone;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected ServiceVerification() {
        // for JPA
    }

    public ServiceVerification(String verificationId, String serviceSid, String phone, OffsetDateTime createdAt) {
        this.verificationId = verificationId;
        this.serviceSid = serviceSid;
        this.phone = phone;
        this.createdAt = createdAt;
    }

    public String verificationId() {
        return verificationId;
    }

    public String serviceSid() {
        return serviceSid;
    }
}
