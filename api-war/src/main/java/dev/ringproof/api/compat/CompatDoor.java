package dev.ringproof.api.compat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource as a compatibility door: a vendor's API (Twilio, Vonage, Sinch) answered in
 * that vendor's shapes, for tenants whose code uses the vendor's SDK. With
 * {@code @Callers("tenant")} its callers authenticate with {@link CompatAuthentication}
 * (HTTP Basic: account SID and whole api key) instead of a Bearer key, and its errors are
 * reshaped by the door's {@link VendorErrors}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CompatDoor {

    /** The door's name: the path segment after {@code /api/compat/} and the verification's {@code door}. */
    String value();
}
