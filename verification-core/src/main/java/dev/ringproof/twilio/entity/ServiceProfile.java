package dev.ringproof.twilio.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * A Twilio Verify Service ({@code VA…}) of a tenant, in one world (live or test): the name its
 * verifications' texts show and the length of their codes.
 */
@Entity
@Table(name = "twilio_service")
@NamedQuery(
        name = ServiceProfile.OF_TENANT,
        query = "select s from ServiceProfile s where s.tenantId = :tenant and s.testMode = :test"
                + " order by s.createdAt, s.sid")
public class ServiceProfile {

    public static final String OF_TENANT = "ServiceProfile.ofTenant";
    public static final int MIN_CODE_LENGTH = 4;
    public static final int MAX_CODE_LENGTH = 10;
    public static final int DEFAULT_CODE_LENGTH = 6;
    public static final int MAX_FRIENDLY_NAME = 30;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String sid;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "test_mode")
    private boolean testMode;

    @Column(name = "friendly_name")
    private String friendlyName;

    @Column(name = "code_length")
    private int codeLength;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected ServiceProfile() {
        // for JPA
    }

    public ServiceProfile(String tenantId, boolean testMode, String friendlyName, int codeLength, OffsetDateTime now) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        this.sid = "VA" + HexFormat.of().formatHex(bytes);
        this.tenantId = tenantId;
        this.testMode = testMode;
        this.friendlyName = friendlyName;
        this.codeLength = codeLength;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether a caller of this tenant and world may see it: another's answers as unknown. */
    public boolean belongsTo(String tenantId, boolean test) {
        return this.tenantId.equals(tenantId) && this.testMode == test;
    }

    public String sid() {
        return sid;
    }

    public String tenantId() {
        return tenantId;
    }

    public String friendlyName() {
        return friendlyName;
    }

    public int codeLength() {
        return codeLength;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
