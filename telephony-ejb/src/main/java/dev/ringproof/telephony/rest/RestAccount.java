package dev.ringproof.telephony.rest;

import java.net.URI;
import java.time.Duration;

/**
 * One carrier account with a Twilio-style REST API: {@code telephony.carrier.<name>.*}.
 * {@code statusCallback} is null when no callback URL is configured.
 */
public record RestAccount(
        String name,
        URI baseUrl,
        String accountSid,
        String authToken,
        URI statusCallback,
        Duration timeout,
        int ringSeconds) {

    URI resource(String file) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/Accounts/" + accountSid + "/" + file);
    }

    @Override
    public String toString() {
        return "RestAccount[" + name + ", " + baseUrl + "]";
    }
}
