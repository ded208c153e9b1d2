package dev.ringproof.admin.pool;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.numberpool.boundary.PoolHealth;
import dev.ringproof.numberpool.entity.PoolHealthView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** pools/health.xhtml: how a pool's caller numbers fare; rest or restore a number (with its block). */
@Named
@RequestScoped
public class PoolHealthBacking {

    @EJB
    PoolHealth health;

    private String id;
    private String number;
    private PoolHealthView view;

    @ShowsRefusals(notFound = true)
    public void load() {
        view = health.view(id);
    }

    @ShowsRefusals(@Input(field = "number", id = "rest:number"))
    public void rest() {
        view = health.rest(id, number, null);
        RefusalMessages.info("The block of " + number + " rests until restored.");
    }

    @ShowsRefusals(@Input(field = "number", id = "rest:number"))
    public void restore() {
        view = health.restore(id, number);
        RefusalMessages.info("The block of " + number + " is back in the draw.");
    }

    /**
     * The pool's health, or null before the page's {@code id} is known: a postback walks the
     * page's tables while it decodes, before the view parameter reaches this bean, and a pool
     * looked up then would be no pool at all (the console's error page instead of the answer).
     */
    public PoolHealthView getView() {
        if (view == null && id != null) {
            view = health.view(id);
        }
        return view;
    }

    /** The largest day's calls, to scale the bars (at least 1). */
    public long getBusiestDay() {
        if (getView() == null) {
            return 1;
        }
        return getView().days().stream()
                .mapToLong(d -> d.counts().placed())
                .max()
                .orElse(1);
    }

    /** A rate as a whole percent, as the rules are set. */
    public long percent(double rate) {
        return Math.round(rate * 100);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }
}
