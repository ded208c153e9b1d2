package dev.ringproof.audit.boundary;

import dev.ringproof.audit.entity.Actor;

/**
 * Who makes the current request, as the WAR that authenticated it says: the API's guard for
 * an HTTP Basic user or a tenant key, the console's filter for a signed-in user. Without
 * one (a timer, a queue) it is Ringproof itself. One a request: {@link CurrentActors} makes it.
 */
public class CurrentActor {

    private Actor actor;

    /** {@code role}: the caller's roles, comma-separated; {@code address}: the client's. */
    public void actAs(String name, String role, String address) {
        this.actor = new Actor(name, role, address);
    }

    public Actor actor() {
        return actor == null ? Actor.SYSTEM : actor;
    }
}
