package dev.ringproof.api.compat.twilio;

import dev.ringproof.api.security.BasicCredentials;
import dev.ringproof.api.tenant.TenantAuthentication;
import dev.ringproof.tenant.boundary.TenantCaller;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who calls the Twilio door, as its answers need it: the tenant caller, the account SID it
 * signed in with (every Twilio resource names its account) and the door's base URL.
 */
record TwilioCaller(TenantCaller caller, String accountSid, String base) {

    static final String DOOR_PATH = "compat/twilio";

    static TwilioCaller of(ContainerRequestContext request) {
        var caller = TenantAuthentication.caller(request);
        // the guard admitted these very credentials, so they are present and name this tenant
        String accountSid = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .orElseThrow()
                .user();
        String base = request.getUriInfo().getBaseUri().toString();
        return new TwilioCaller(caller, accountSid, (base.endsWith("/") ? base : base + "/") + DOOR_PATH);
    }

    /** An optional whole-number parameter; anything else is Twilio's invalid parameter. */
    static Integer integer(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 3 || !value.chars().allMatch(Character::isDigit)) {
            throw TwilioError.invalidParameter(name);
        }
        return Integer.valueOf(value);
    }
}
