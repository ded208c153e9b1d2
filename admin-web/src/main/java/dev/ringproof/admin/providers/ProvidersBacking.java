package dev.ringproof.admin.providers;

import dev.ringproof.platform.boundary.CarrierProviders;
import dev.ringproof.platform.boundary.CarrierProviders.ProviderState;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** {@code /providers/index.xhtml}: each telephony provider's circuit and recent error rate on this node. */
@Named
@RequestScoped
public class ProvidersBacking {

    @EJB
    CarrierProviders providers;

    private List<ProviderState> states;

    public List<ProviderState> getStates() {
        if (states == null) {
            states = providers.states();
        }
        return states;
    }

    public String percent(double rate) {
        return Math.round(rate * 100) + " %";
    }
}
