package dev.ringproof.tenant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A Vonage JWT already presented, by its application and {@code jti}, remembered while it could
 * still be accepted so that it is not accepted twice.
 */
@Entity
@Table(name = "vonage_token")
@NamedQuery(name = VonageToken.FORGET_EXPIRED, query = "delete from VonageToken t where t.expiresAt < :now")
public class VonageToken {

    public static final String FORGET_EXPIRED = "VonageToken.forgetExpired";

    @Id
    private String id;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected VonageToken() {
        // for JPA
    }

    public VonageToken(String applicationId, String jti, OffsetDateTime expiresAt) {
        this.id = id(applicationId, jti);
        this.expiresAt = expiresAt;
    }

    public static String id(String applicationId, String jti) {
        return applicationId + " " + jti;
    }
}
