package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox as a shared or production server runs it, {@code sandbox.open=false}: a
 * handset's inbox and settings need a tenant's {@code rp_test_} key and show only that
 * tenant's test traffic. The setting is switched on the running server through Payara's
 * domain config source (with the config cache off), and switched back afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class ClosedSandboxIT {

    private final Ringproof ringproof = new Ringproof();
    private final PayaraProcess server = new PayaraProcess();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @BeforeEach
    void closeTheSandbox() throws Exception {
        server.asadmin("set-config-cache", "--duration=0");
        server.asadmin("set-config-property", "--propertyName=sandbox.open", "--propertyValue=false",
                "--source=domain");
        awaitInboxStatus(401);
    }

    @AfterEach
    void openItAgain() throws Exception {
        // deleting the property was not seen by the running application; setting it back is
        server.asadmin("set-config-property", "--propertyName=sandbox.open", "--propertyValue=true",
                "--source=domain");
        awaitInboxStatus(200);
        server.asadmin("set-config-cache", "--duration=60");
    }

    @Test
    void onlyATenantsTestKeySeesItsOwnTestTraffic() {
        ringproof.londonPool();
        var tester = ringproof.tenant("{\"name\":\"Closed sandbox A\"}", "test");
        var other = ringproof.tenant("{\"name\":\"Closed sandbox B\"}", "test");
        var live = ringproof.tenant("{\"name\":\"Closed sandbox live\"}", "live");
        String phone = Ringproof.mobile();
        assertThat(Ringproof.start(tester, phone).statusCode()).isEqualTo(201);

        String inbox = "api/sandbox/v1/handsets/" + phone + "/inbox";
        var anonymous = ringproof.anonymous.get(inbox);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(live.api().get(inbox).statusCode()).as("a live key is no sandbox key").isEqualTo(401);
        assertThat(ringproof.admin.get(inbox).statusCode()).isEqualTo(401);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        var own = Http.jsonArray(tester.api().get(inbox));
        while (own.isEmpty() && Instant.now().isBefore(deadline)) {
            Ringproof.sleep(Duration.ofMillis(200));
            own = Http.jsonArray(tester.api().get(inbox));
        }
        assertThat(own).hasSize(1);
        assertThat(own.getJsonObject(0).getString("type")).isEqualTo("call");
        var foreign = other.api().get(inbox);
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(Http.jsonArray(foreign)).as("another tenant's test traffic").isEmpty();

        String handset = "api/sandbox/v1/handsets/" + phone;
        String failSms = "{\"sms\":\"fail\"}";
        assertThat(ringproof.anonymous.send("PUT", handset, failSms, "application/json").statusCode()).isEqualTo(401);
        var configured = tester.api().send("PUT", handset, failSms, "application/json");
        assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);
        assertThat(Http.json(configured).getString("sms")).isEqualTo("fail");
    }

    private void awaitInboxStatus(int status) {
        String probe = "api/sandbox/v1/handsets/" + Ringproof.mobile() + "/inbox";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int seen = ringproof.anonymous.get(probe).statusCode();
        while (seen != status && Instant.now().isBefore(deadline)) {
            Ringproof.sleep(Duration.ofMillis(250));
            seen = ringproof.anonymous.get(probe).statusCode();
        }
        assertThat(seen).as("the open sandbox's inbox status after switching sandbox.open").isEqualTo(status);
    }
}
