package dev.ringproof.webhook.control;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The SSRF guard. A webhook target is resolved once, here, and every address it resolves to
 * must be public ({@link SpecialPurposeAddresses}); the delivery then connects to the checked
 * address ({@link CheckedTarget}), so a name that answers differently the next time (DNS
 * rebinding) cannot move it. Checked when a URL is set and again before every delivery.
 *
 * <p>{@code allowPrivate} is the stricter of the operator's setting and the tenant's flag: both
 * must allow private targets. It lets loopback, private-use, shared and unique-local
 * addresses through, never link-local, multicast or the other special-purpose blocks. The
 * target must be https; plain http only to a private network (allowed), never to a public host.
 */
public final class TargetGuard {

    private TargetGuard() {}

    /** The URL may not be called now: why, in words for an admin. */
    public static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    public static CheckedTarget check(String url, boolean allowPrivate, HostLookup lookup) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(allowPrivate && scheme.equals("http"))) {
            throw new Refused("must be https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Refused("must name a host, without user info");
        }
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = lookup.addressesOf(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused("does not resolve");
        }
        boolean allPrivate = true;
        for (InetAddress address : addresses) {
            var block = SpecialPurposeAddresses.blockOf(address);
            if (block.isPresent() && !(allowPrivate && block.get().privateNetwork())) {
                throw new Refused("resolves to " + address.getHostAddress() + ", a special-purpose address ("
                        + block.get().name() + ", " + block.get().prefix() + ")");
            }
            allPrivate &= block.isPresent();
        }
        if (!https && !allPrivate) {
            throw new Refused("must be https (plain http only to a private network that is allowed)");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        return new CheckedTarget(uri, scheme, host, port, addresses[0]);
    }
}
