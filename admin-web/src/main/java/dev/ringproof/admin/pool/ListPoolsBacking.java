package dev.ringproof.admin.pool;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.admin.ShowsRefusals.Input;
import dev.ringproof.numberpool.boundary.NumberPools;
import dev.ringproof.numberpool.boundary.NumberPools.PoolView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/** pools/list.xhtml: every pool with its size, code digits and usable numbers; create, enable or disable, remove. */
@Named
@RequestScoped
public class ListPoolsBacking {

    @EJB
    NumberPools pools;

    private String name;
    private String country;
    private boolean enabled = true;
    private List<PoolView> all;

    public List<PoolView> getPools() {
        if (all == null) {
            all = pools.all();
        }
        return all;
    }

    @ShowsRefusals({@Input(field = "name", id = "create:name"), @Input(field = "country", id = "create:country")})
    public String create() {
        var view = pools.create(name, country == null ? null : country.strip().toUpperCase(Locale.ROOT), enabled);
        return "/pools/numbers?faces-redirect=true&id=" + view.pool().id();
    }

    @ShowsRefusals
    public void enable(String id, boolean on) {
        all = null;
        pools.update(id, null, on);
        RefusalMessages.info((on ? "Enabled " : "Disabled ") + id + ".");
    }

    @ShowsRefusals
    public void remove(String id) {
        all = null;
        pools.delete(id);
        RefusalMessages.info("Removed " + id + " and its numbers.");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
