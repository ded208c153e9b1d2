package dev.ringproof.webhook.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard: a webhook target must be https, and every address its host resolves to
 * must be public: not loopback, link-local (169.254/16, fe80::/10), private (10/8,
 * 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), unspecified or
 * multicast. Checked when a URL is set and again before every delivery, as DNS can change.
 */
public final class TargetGuard {

    private TargetGuard() {
    }

    /** Why the URL may not be called now, if it may not. */
    public static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of("must be https");
        }
        if (uri.getHost() == null) {
            return Optional.of("has no host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of("resolves to a loopback, link-local or private address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("does not resolve");
        }
    }

    static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        boolean uniqueLocal6 = address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
        boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean thisNetwork = b.length == 4 && b[0] == 0;
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal6 || carrierNat
                || thisNetwork;
    }
}
