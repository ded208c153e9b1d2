package dev.ringproof.admin.ratelimit;

import dev.ringproof.admin.RefusalMessages;
import dev.ringproof.admin.ShowsRefusals;
import dev.ringproof.ratelimit.boundary.FraudBlocks;
import dev.ringproof.ratelimit.entity.FraudBlock;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * ratelimits/list.xhtml, fraud part: the prefixes the fraud guard blocks now (velocity,
 * conversion) with an Unblock, and the tenants whose daily spend cap refuses their starts.
 */
@Named
@RequestScoped
public class FraudBlocksBacking {

    @EJB
    FraudBlocks blocks;

    private List<FraudBlock> active;
    private List<FraudBlocks.CapReached> capsReached;

    public List<FraudBlock> getBlocks() {
        if (active == null) {
            active = blocks.active();
        }
        return active;
    }

    public List<FraudBlocks.CapReached> getCapsReached() {
        if (capsReached == null) {
            capsReached = blocks.capsReached();
        }
        return capsReached;
    }

    @ShowsRefusals
    public void unblock(String id) {
        active = null;
        var lifted = blocks.lift(id);
        RefusalMessages.info("Unblocked " + lifted.prefix() + ": starts to it are admitted again.");
    }
}
