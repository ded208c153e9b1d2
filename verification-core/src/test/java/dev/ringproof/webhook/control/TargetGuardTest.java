package dev.ringproof.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard with a resolver the test controls: no name is looked up in DNS and no
 * connection is made here (WebhookPosterTest connects, to loopback only).
 */
class TargetGuardTest {

    private static final String URL = "https://hooks.example.com/ringproof";

    /** Answers each lookup with the next list of addresses (IP literals: InetAddress parses them, no DNS). */
    static HostLookup answering(String... answers) {
        var queue = new ArrayDeque<>(List.of(answers));
        return host -> {
            String next = queue.poll();
            if (next == null) {
                throw new UnknownHostException(host);
            }
            String[] literals = next.split(" ");
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByName(literals[i]);
            }
            return addresses;
        };
    }

    /** One address of every block of IANA's special-purpose registries, multicast, and IPv6 beyond 2000::/3. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "0.1.2.3",
                "10.0.0.7",
                "100.64.0.1",
                "100.127.255.254",
                "127.0.0.1",
                "127.255.0.1",
                "169.254.169.254",
                "172.16.0.1",
                "172.31.255.254",
                "192.0.0.1",
                "192.0.0.8",
                "192.0.0.9",
                "192.0.0.170",
                "192.0.2.1",
                "192.31.196.1",
                "192.52.193.1",
                "192.88.99.1",
                "192.168.1.1",
                "192.175.48.1",
                "198.18.0.1",
                "198.19.255.254",
                "198.51.100.1",
                "203.0.113.1",
                "240.0.0.1",
                "254.255.255.254",
                "255.255.255.255",
                "224.0.0.1",
                "239.255.255.250",
                "::",
                "::1",
                "::127.0.0.1",
                "::10.0.0.1",
                "::ffff:0:0",
                "64:ff9b::7f00:1",
                "64:ff9b::808:808",
                "64:ff9b:1::a00:1",
                "100::1",
                "100:0:0:1::1",
                "2001::1",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2",
                "2001:1::1",
                "2001:2::1",
                "2001:3::1",
                "2001:4:112::1",
                "2001:10::1",
                "2001:20::1",
                "2001:30::1",
                "2001:db8::1",
                "2002:7f00:1::1",
                "2002:808:808::1",
                "2620:4f:8000::1",
                "3fff::1",
                "5f00::1",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "fec0::1",
                "ff02::1",
                "ff0e::1",
                "4000::1",
                "8000::1"
            })
    void everySpecialPurposeAddressIsRefused(String address) {
        assertThatThrownBy(() -> TargetGuard.check(URL, false, answering(address)))
                .as(address)
                .isInstanceOf(TargetGuard.Refused.class)
                .hasMessageContaining("special-purpose");
        assertThat(SpecialPurposeAddresses.blockOf(literal(address)))
                .as(address)
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "8.8.8.8",
                "1.1.1.1",
                "100.63.255.255",
                "100.128.0.0",
                "172.32.0.1",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.254",
                "2606:4700:4700::1111",
                "2a00:1450:4001:80b::200e"
            })
    void publicAddressesPass(String address) throws TargetGuard.Refused {
        var target = TargetGuard.check(URL, false, answering(address));

        assertThat(target.address()).isEqualTo(literal(address));
        assertThat(target.host()).isEqualTo("hooks.example.com");
        assertThat(target.port()).isEqualTo(443);
    }

    @Test
    void oneSpecialAddressAmongPublicOnesRefusesTheTarget() {
        assertThatThrownBy(() -> TargetGuard.check(URL, false, answering("93.184.215.14 10.0.0.1")))
                .isInstanceOf(TargetGuard.Refused.class)
                .hasMessageContaining("10.0.0.1");
    }

    @Test
    void theHostIsResolvedOnceAndTheCheckedAddressIsTheTarget() throws TargetGuard.Refused {
        var lookups = new AtomicInteger();
        HostLookup rebinding = host -> {
            // DNS rebinding: a public address for the check, loopback for whoever asks next
            return new InetAddress[] {literal(lookups.getAndIncrement() == 0 ? "93.184.215.14" : "127.0.0.1")};
        };

        var target = TargetGuard.check(URL, false, rebinding);

        assertThat(lookups).hasValue(1);
        assertThat(target.address()).isEqualTo(literal("93.184.215.14"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.1.2.3", "172.20.0.1", "192.168.0.10", "100.64.1.1", "fd00::7"})
    void privateNetworksPassOnlyWhereAllowed(String address) throws TargetGuard.Refused {
        assertThat(TargetGuard.check(URL, true, answering(address)).address()).isEqualTo(literal(address));
        assertThat(TargetGuard.check("http://hooks.internal:8080/x", true, answering(address))
                        .port())
                .isEqualTo(8080);
        assertThatThrownBy(() -> TargetGuard.check(URL, false, answering(address)))
                .isInstanceOf(TargetGuard.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "fe80::1",
                "0.0.0.0",
                "224.0.0.1",
                "198.18.0.1",
                "240.0.0.1",
                "64:ff9b::a00:1",
                "2002:a00:1::1",
                "::127.0.0.1",
                "255.255.255.255"
            })
    void allowingPrivateNetworksNeverAllowsTheOtherBlocks(String address) {
        assertThatThrownBy(() -> TargetGuard.check(URL, true, answering(address)))
                .as(address)
                .isInstanceOf(TargetGuard.Refused.class);
    }

    @Test
    void plainHttpNeverGoesToAPublicHost() {
        assertThatThrownBy(() -> TargetGuard.check("http://hooks.example.com/x", true, answering("93.184.215.14")))
                .isInstanceOf(TargetGuard.Refused.class)
                .hasMessageContaining("https");
        assertThatThrownBy(() ->
                        TargetGuard.check("http://hooks.example.com/x", true, answering("10.0.0.1 93.184.215.14")))
                .isInstanceOf(TargetGuard.Refused.class);
        assertThatThrownBy(() -> TargetGuard.check("http://hooks.example.com/x", false, answering("10.0.0.1")))
                .isInstanceOf(TargetGuard.Refused.class)
                .hasMessageContaining("https");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://hooks.example.com/x",
                "https:///x",
                "https://user:pw@hooks.example.com/x",
                "hooks.example.com/x",
                "https://hooks example.com/x"
            })
    void malformedTargetsAreRefused(String url) {
        assertThatThrownBy(() -> TargetGuard.check(url, true, answering("93.184.215.14")))
                .as(url)
                .isInstanceOf(TargetGuard.Refused.class);
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        assertThatThrownBy(() -> TargetGuard.check(URL, false, answering()))
                .isInstanceOf(TargetGuard.Refused.class)
                .hasMessage("does not resolve");
    }

    @Test
    void anIpv6LiteralHostIsLookedUpWithoutItsBrackets() throws TargetGuard.Refused {
        var seen = new java.util.ArrayList<String>();
        HostLookup lookup = host -> {
            seen.add(host);
            return InetAddress.getAllByName(host);
        };

        TargetGuard.check("https://[2606:4700:4700::1111]:8443/x", false, lookup);

        assertThat(seen).containsExactly("2606:4700:4700::1111");
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
