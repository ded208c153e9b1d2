package dev.ringproof.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientNetworksTest {

    private final ClientNetworks networks = new ClientNetworks(ClientNetworks.DEFAULT_IPV6_PREFIX_LENGTH);

    @Test
    void ipv6AddressesOfOneSlash64ShareACounter() {
        String first = networks.subjectOf("2001:db8:1:2::1");

        assertThat(first).isEqualTo("2001:db8:1:2::/64");
        assertThat(networks.subjectOf("2001:db8:1:2:ffff:ffff:ffff:fffe")).isEqualTo(first);
        assertThat(networks.subjectOf("2001:0DB8:0001:0002:0000:0000:0000:0099"))
                .isEqualTo(first);
        assertThat(networks.subjectOf("2001:db8:1:3::1")).isNotEqualTo(first);
    }

    @Test
    void ipv4AddressesCountOneByOne() {
        assertThat(networks.subjectOf("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(networks.subjectOf("198.51.100.8")).isEqualTo("198.51.100.8");
    }

    @ParameterizedTest
    @CsvSource({"::ffff:198.51.100.7, 198.51.100.7", "::1, ::/64", "0:0:0:0:0:0:0:1, ::/64", "fe80::1%eth0, fe80::/64"})
    void oneSpellingPerSubject(String ip, String subject) {
        assertThat(networks.subjectOf(ip)).isEqualTo(subject);
    }

    @Test
    void thePrefixLengthIsASetting() {
        var per48 = new ClientNetworks(48);

        assertThat(per48.subjectOf("2001:db8:1:2::1"))
                .isEqualTo(per48.subjectOf("2001:db8:1:ff::1"))
                .isEqualTo("2001:db8:1::/48");
        assertThat(new ClientNetworks(128).subjectOf("2001:db8::1")).isEqualTo("2001:db8::1/128");
        assertThatThrownBy(() -> new ClientNetworks(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientNetworks(129)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAnAddressThereIsNoSubject() {
        assertThat(networks.subjectOf(null)).isNull();
        assertThat(networks.subjectOf(" ")).isNull();
    }
}
