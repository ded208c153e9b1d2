package dev.ringproof.admin.pool;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.numberpool.boundary.NumberPools;
import dev.ringproof.numberpool.boundary.NumberPools.PoolView;
import dev.ringproof.platform.boundary.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** pools/list.xhtml: every pool with its size, code digits and usable numbers; create, enable or disable, remove. */
@Named
@RequestScoped
public class ListPoolsBacking {

    @Inject
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

    public String create() {
        try {
            var view = pools.create(name, country == null ? null : country.strip().toUpperCase(Locale.ROOT), enabled);
            return "/pools/numbers?faces-redirect=true&id=" + view.pool().id();
        } catch (Refusal refusal) {
            RefusalMessages.show(refusal, Map.of("name", "create:name", "country", "create:country"));
            return null;
        }
    }

    public void enable(String id, boolean on) {
        act(() -> pools.update(id, null, on), (on ? "Enabled " : "Disabled ") + id + ".");
    }

    public void remove(String id) {
        act(() -> pools.delete(id), "Removed " + id + " and its numbers.");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            RefusalMessages.info(done);
        } catch (Refusal refusal) {
            RefusalMessages.show(refusal, Map.of());
        }
        all = null;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
