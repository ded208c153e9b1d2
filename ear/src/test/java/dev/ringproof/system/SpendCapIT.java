package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tenant's daily spend cap: once the day's billed sends reach it, starts are refused and the admin sees why. */
@ExtendWith(ArquillianExtension.class)
class SpendCapIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void startsStopAtTheDailyCap() {
        var price = ringproof.admin.postJson(
                "api/admin/v1/prices",
                "{\"channel\":\"sms\",\"country\":\"NL\",\"unit_price\":\"0.0500\",\"currency\":\"EUR\"}");
        assertThat(price.statusCode()).as(price.body()).isEqualTo(201);
        var tenant =
                ringproof.tenant("{\"name\":\"Capped\",\"workflow\":[\"sms\"],\"daily_spend_cap\":\"0.1000\"}", "live");

        for (int i = 0; i < 2; i++) {
            String phone = dutchMobile();
            assertThat(Ringproof.start(tenant, phone).statusCode()).isEqualTo(201);
            ringproof.inboxWhen(phone, m -> !m.isEmpty());
        }
        var refused = Ringproof.start(tenant, dutchMobile());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(Http.json(refused).getString("code")).isEqualTo("fraud_blocked");
        assertThat(Http.json(refused).getString("detail")).contains("spend cap");
        var seen = Http.json(ringproof.admin.get("api/admin/v1/tenants/" + tenant.id()));
        assertThat(seen.getString("daily_spend_cap")).isEqualTo("0.1000");
        assertThat(seen.getString("spent_today")).isEqualTo("0.1000");

        ringproof.admin.send(
                "PATCH", "api/admin/v1/tenants/" + tenant.id(), "{\"daily_spend_cap\":null}", "application/json");
        assertThat(Ringproof.start(tenant, dutchMobile()).statusCode()).isEqualTo(201);
    }

    @Test
    void aCapMustBeADecimalAmount() {
        for (String cap : new String[] {"\"-1\"", "\"ten\"", "\"0.00001\"", "10"}) {
            var response = ringproof.admin.postJson(
                    "api/admin/v1/tenants", "{\"name\":\"Bad cap\",\"daily_spend_cap\":" + cap + "}");
            assertThat(response.statusCode()).as(cap).isEqualTo(400);
        }
    }

    /** A Dutch mobile: the test server routes French, German and Spanish SMS to TelephonyIT's fake carriers. */
    private static String dutchMobile() {
        return "+3161" + String.format("%07d", RANDOM.nextInt(10_000_000));
    }
}
