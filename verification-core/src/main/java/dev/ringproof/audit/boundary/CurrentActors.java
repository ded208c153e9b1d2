package dev.ringproof.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Makes each request's {@link CurrentActor}. Produced rather than a request-scoped class of its
 * own: the server passes every instance of such a class through its resource injection (a
 * component look-up by class and name, whether or not the class asks for any), and every API
 * request makes one, so that pass cost about a twentieth of a start's CPU on the request's thread
 * (Flight Recorder); a produced instance is made with {@code new} and nothing else.
 */
@ApplicationScoped
public class CurrentActors {

    @Produces
    @RequestScoped
    CurrentActor perRequest() {
        return new CurrentActor();
    }
}
