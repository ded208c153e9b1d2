package dev.ringproof.ratelimit.control;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;

/**
 * What a per-IP limit counts by: an IPv4 client by its address, an IPv6 client by the
 * network its address is in (a /64 by default, the block one subscriber or one host
 * gets: it holds more addresses than any limit could count one by one). An IPv4-mapped
 * IPv6 address counts as the IPv4 address it maps. One spelling per subject, so that
 * {@code ::1} and {@code 0:0:0:0:0:0:0:1} share a counter.
 */
public final class ClientNetworks {

    public static final int DEFAULT_IPV6_PREFIX_LENGTH = 64;

    private final int ipv6PrefixLength;

    public ClientNetworks(int ipv6PrefixLength) {
        if (ipv6PrefixLength < 1 || ipv6PrefixLength > 128) {
            throw new IllegalArgumentException(
                    "ratelimit.ipv6-prefix-length must be 1 to 128, not " + ipv6PrefixLength);
        }
        this.ipv6PrefixLength = ipv6PrefixLength;
    }

    /** The counter's subject for a client address (a literal); null without one, as it is when it is no address. */
    public String subjectOf(String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        IPAddress address = new IPAddressString(ip.strip()).getAddress();
        if (address == null || address.isMultiple()) {
            return ip;
        }
        if (address instanceof IPv6Address v6) {
            return v6.isIPv4Mapped()
                    ? v6.getEmbeddedIPv4Address().toCanonicalString()
                    : v6.removeZone().toPrefixBlock(ipv6PrefixLength).toCanonicalString();
        }
        return address.toCanonicalString();
    }
}
