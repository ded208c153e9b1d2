package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSSecurityException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded broker as an attacker on the same network or host meets it (bin/harden-broker, which
 * the build applies to the test server as `./ringproof run` does to its own): not on the network,
 * no stock users, and a message that Ringproof did not queue changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class BrokerIT {

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void theStockUsersAreRefusedAndOnlyTheGeneratedOneGetsIn() {
        assertThatThrownBy(() -> Broker.connect("guest", "guest")).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> Broker.connect("admin", "admin")).isInstanceOf(JMSSecurityException.class);
        assertThatCode(() -> Broker.connect(Broker.USER, Broker.PASSWORD)).doesNotThrowAnyException();
    }

    /** The port mapper and the JMS service it names answer on 127.0.0.1 only; there is no admin service. */
    @Test
    void theBrokerListensOnLoopbackOnly() throws IOException {
        InetAddress outside = nonLoopbackAddress();
        Map<String, Integer> services = Broker.services();
        assertThat(services).containsKey("jms").doesNotContainKey("admin");

        for (int port : List.of(Broker.PORT_MAPPER, services.get("jms"))) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            }
            assertThatThrownBy(() -> {
                        try (var socket = new Socket()) {
                            socket.connect(new InetSocketAddress(outside, port), 2000);
                        }
                    })
                    .as("port %d on %s", port, outside)
                    .isInstanceOf(ConnectException.class);
        }
    }

    /** A fallback timer with a made-up outbox id for the current attempt: the verification stays on its missed call. */
    @Test
    void aForgedFallbackChangesNothing() throws Exception {
        ringproof.londonPool();
        var tenant = ringproof.tenant("{\"name\":\"Forged\",\"fallback_after_seconds\":{\"missed_call\":300}}", "live");
        String phone = Ringproof.mobile();
        String id = Http.json(Ringproof.start(tenant, phone)).getString("id");
        assertThat(ringproof.inboxWhen(phone, messages -> !messages.isEmpty())).hasSize(1);

        Broker.sendAndAwaitConsumption(
                "RingproofFallbacks",
                Map.of("kind", "FALLBACK", "verification_id", id, "attempt_seq", 1, "outbox_id", "ob_forged"));

        var verification = Http.json(tenant.api().get("api/v1/verifications/" + id));
        assertThat(verification.getString("status")).isEqualTo("pending");
        assertThat(verification.getString("channel")).isEqualTo("missed_call");
        assertThat(verification.getJsonArray("attempts")).hasSize(1);
        assertThat(ringproof.inbox(phone)).as("no SMS").hasSize(1);
    }

    /** A send nobody queued, to a number nobody verifies: nothing is dialled or texted. */
    @Test
    void aForgedSendIsNotSent() throws Exception {
        var tenant = ringproof.tenant("Unwitting");
        String phone = Ringproof.mobile();

        Broker.sendAndAwaitConsumption(
                "RingproofOutbound",
                Map.of(
                        "attempt_id",
                        "at_forged_" + phone.substring(1),
                        "tenant_id",
                        tenant.id(),
                        "channel",
                        "sms",
                        "to",
                        phone,
                        "from",
                        "Acme",
                        "text",
                        "Your Acme code is 000000",
                        "test",
                        false,
                        "outbox_id",
                        "ob_forged"));

        assertThat(ringproof.inbox(phone)).isEmpty();
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(BrokerIT::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("this machine has no non-loopback IPv4 address to probe"));
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
