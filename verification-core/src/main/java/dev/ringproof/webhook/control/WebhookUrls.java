package dev.ringproof.webhook.control;

import dev.ringproof.platform.boundary.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The shape of a webhook target an admin sets; where it may point is {@link TargetGuard}'s to say. */
public final class WebhookUrls {

    private WebhookUrls() {}

    /** Absolute https (plain http only where allowed), with a host, no user info, no fragment. */
    public static String checked(String url, boolean allowPlainHttp) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = scheme.equals("https") || (allowPlainHttp && scheme.equals("http"));
            if (!schemeOk || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
                throw Refusal.invalid(
                        "webhook_url",
                        allowPlainHttp
                                ? "must be an absolute http(s) URL without user info"
                                : "must be an absolute https URL without user info");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw Refusal.invalid("webhook_url", "is not a valid URL");
        }
    }
}
