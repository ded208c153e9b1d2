package dev.ringproof.admin.price;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.usage.boundary.Prices;
import dev.ringproof.usage.entity.Price;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * prices/list.xhtml: the price list in force (one price per channel and country, {@code *} for
 * any other country) and its history; setting a price starts a new one now, so attempts
 * already billed keep theirs.
 */
@Named
@RequestScoped
public class ListPricesBacking {

    @EJB
    Prices prices;

    private String channel = "sms";
    private String country;
    private String unitPrice;
    private String currency;
    private List<Price> inForce;
    private List<Price> history;

    @PostConstruct
    void defaults() {
        currency = prices.billingCurrency();
    }

    @ShowsRefusals({
        @Input(field = "channel", id = "set:channel"),
        @Input(field = "country", id = "set:country"),
        @Input(field = "unit_price", id = "set:unit-price"),
        @Input(field = "currency", id = "set:currency")
    })
    public void set() {
        var price = prices.set(
                channel,
                country.strip().toUpperCase(Locale.ROOT),
                unitPrice.strip(),
                currency.strip().toUpperCase(Locale.ROOT));
        RefusalMessages.info(price.channel() + " to " + price.country() + " now costs "
                + price.unitPrice().toPlainString() + " " + price.currency()
                + " an attempt; attempts before now keep their price.");
        country = null;
        unitPrice = null;
        inForce = null;
        history = null;
    }

    public List<Price> getInForce() {
        if (inForce == null) {
            inForce = prices.inForce();
        }
        return inForce;
    }

    /** Whether {@code price} is the one in force for its channel and country, not one it replaced. */
    public boolean isCurrent(Price price) {
        return getInForce().stream().anyMatch(p -> p.id().equals(price.id()));
    }

    public List<Price> getHistory() {
        if (history == null) {
            history = prices.all();
        }
        return history;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(String unitPrice) {
        this.unitPrice = unitPrice;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
