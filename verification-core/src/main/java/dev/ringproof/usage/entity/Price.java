package dev.ringproof.usage.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * What one attempt on a channel to a country costs from {@code validFrom} on. Prices are
 * never changed in place: a new price starts, so lines already in the ledger keep theirs.
 */
@Entity
@Cacheable
@Table(name = "price")
@NamedQuery(name = Price.ALL, query = "select p from Price p order by p.channel, p.country, p.validFrom")
public class Price {

    public static final String ALL = "Price.all";
    public static final String ANY_COUNTRY = "*";
    public static final int SCALE = 4;

    @Id
    private String id;

    private String channel;
    private String country;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    private String currency;

    @Column(name = "valid_from")
    private OffsetDateTime validFrom;

    protected Price() {
        // for JPA
    }

    public Price(
            String id,
            String channel,
            String country,
            BigDecimal unitPrice,
            String currency,
            OffsetDateTime validFrom) {
        this.id = id;
        this.channel = channel;
        this.country = country;
        this.unitPrice = unitPrice.setScale(SCALE);
        this.currency = currency;
        this.validFrom = validFrom;
    }

    /** Whether this price is for exactly {@code country}, not the any-country fallback. */
    public boolean isFor(String country) {
        return this.country.equals(country);
    }

    public boolean isFallback() {
        return ANY_COUNTRY.equals(country);
    }

    public String id() {
        return id;
    }

    public String channel() {
        return channel;
    }

    public String country() {
        return country;
    }

    public BigDecimal unitPrice() {
        return unitPrice.setScale(SCALE);
    }

    public String currency() {
        return currency;
    }

    public OffsetDateTime validFrom() {
        return validFrom;
    }
}
