package dev.ringproof.system;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;

/**
 * What docs/compatibility-twilio.md tells a tenant to add: the Twilio SDK's own HTTP client,
 * sending every request to Ringproof's Twilio door instead of {@code https://verify.twilio.com}.
 * Nothing else of the SDK is changed.
 */
class RingproofTwilioClient extends NetworkHttpClient {

    private final String base;

    RingproofTwilioClient(String base) {
        this.base = base;
    }

    @Override
    public Response makeRequest(Request request) {
        var moved = new Request(request.getMethod(), request.getUrl().replaceFirst("^https://[^/]+", base));
        request.getQueryParams().forEach((name, values) -> values.forEach(v -> moved.addQueryParam(name, v)));
        request.getPostParams().forEach((name, values) -> values.forEach(v -> moved.addPostParam(name, v)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> moved.addHeaderParam(name, v)));
        moved.setAuth(request.getUsername(), request.getPassword());
        return super.makeRequest(moved);
    }

    /** A Twilio client for a tenant: its account SID and one of its api keys, whole. */
    static TwilioRestClient of(String accountSid, String apiKey) {
        String base = Http.BASE.resolve("api/compat/twilio").toString();
        return new TwilioRestClient.Builder(accountSid, apiKey)
                .httpClient(new RingproofTwilioClient(base))
                .build();
    }
}
