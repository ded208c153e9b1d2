package dev.ringproof.numberpool.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** Caller numbers we own in one country, from which missed calls are made. */
@Entity
@Cacheable
@Table(name = "number_pool")
@NamedQuery(name = NumberPool.ALL, query = "select p from NumberPool p order by p.country, p.createdAt, p.id")
@NamedQuery(name = NumberPool.OF_COUNTRY, query = "select p from NumberPool p where p.country = :country order by p.id")
public class NumberPool {

    public static final String ALL = "NumberPool.all";
    public static final String OF_COUNTRY = "NumberPool.ofCountry";

    @Id
    private String id;

    private String name;
    private String country;
    private boolean enabled;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Version
    private long version;

    @Column(name = "max_calls_per_hour")
    private Integer maxCallsPerHour;

    @Column(name = "max_answer_rate")
    private Double maxAnswerRate;

    @Column(name = "max_failure_rate")
    private Double maxFailureRate;

    @Column(name = "min_approval_share")
    private Double minApprovalShare;

    @Column(name = "min_calls")
    private Integer minCalls;

    @Column(name = "rest_hours")
    private Integer restHours;

    protected NumberPool() {
        // for JPA
    }

    public NumberPool(String id, String name, String country, boolean enabled, OffsetDateTime createdAt) {
        this.id = id;
        this.name = name;
        this.country = country;
        this.enabled = enabled;
        this.createdAt = createdAt;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }

    /** The pool's health rules: its own where set, the defaults elsewhere. */
    public HealthRules rules() {
        var d = HealthRules.DEFAULTS;
        return new HealthRules(
                maxCallsPerHour == null ? d.maxCallsPerHour() : maxCallsPerHour,
                maxAnswerRate == null ? d.maxAnswerRate() : maxAnswerRate,
                maxFailureRate == null ? d.maxFailureRate() : maxFailureRate,
                minApprovalShare == null ? d.minApprovalShare() : minApprovalShare,
                minCalls == null ? d.minCalls() : minCalls,
                restHours == null ? d.restHours() : restHours);
    }

    /** Sets the pool's own rules; every field given, checked by the caller. */
    public void changeRules(HealthRules rules) {
        this.maxCallsPerHour = rules.maxCallsPerHour();
        this.maxAnswerRate = rules.maxAnswerRate();
        this.maxFailureRate = rules.maxFailureRate();
        this.minApprovalShare = rules.minApprovalShare();
        this.minCalls = rules.minCalls();
        this.restHours = rules.restHours();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
