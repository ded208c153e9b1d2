package dev.ringproof.admin.security;

import dev.ringproof.user.boundary.SignIn;
import jakarta.enterprise.context.RequestScoped;

/**
 * What the identity store decided for this request's sign-in, for the login form to act on:
 * Jakarta Security itself only tells it "failed", not "throttled for 30 s".
 */
@RequestScoped
public class SignInAttempt {

    private SignIn outcome;

    void record(SignIn outcome) {
        this.outcome = outcome;
    }

    SignIn outcome() {
        return outcome;
    }
}
