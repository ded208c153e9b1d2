package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation, black-box: the real EAR on the real Payara Server is ready, publishes
 * OpenAPI, shows the console's sign-in, and closes the tenant API to callers without a key.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    private final Http http = new Http();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void isReadyOnceSchemaDatabaseAndBrokerAnswer() {
        var response = http.get("health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        var check = Http.json(response).getJsonArray("checks").stream()
                .map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("ringproof"))
                .findFirst()
                .orElseThrow();
        assertThat(check.getString("status")).isEqualTo("UP");
        assertThat(check.getJsonObject("data").getString("schema")).isEqualTo("current");
        assertThat(check.getJsonObject("data").getString("database")).isEqualTo("up");
        assertThat(check.getJsonObject("data").getString("broker")).isEqualTo("up");
        assertThat(check.getJsonObject("data").getString("mode"))
                .as("the suite's server")
                .isEqualTo("development");
    }

    @Test
    void usesTheConfiguredDatabase() {
        String url = System.getenv("DB_URL");
        String expected = url != null && url.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";

        var check = Http.json(http.get("health/ready")).getJsonArray("checks").getJsonObject(0);

        assertThat(check.getJsonObject("data").getString("database_product")).isEqualTo(expected);
    }

    @Test
    void publishesOpenApi() {
        var response = http.get("openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3");
    }

    @Test
    void consoleShowsSignInForm() {
        var response = http.get("admin/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/login.xhtml"));
        var login = http.get("admin/login.xhtml");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body())
                .contains("name=\"username\"")
                .contains("type=\"password\"")
                .doesNotContain("Signed in as");
    }

    @Test
    void startWithoutKeyIsUnauthorizedProblem() {
        var response = http.postJson("api/v1/verifications", "{\"phone\":\"+447700900123\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        var problem = Http.json(response);
        assertThat(problem.getString("code")).isEqualTo("unauthorized");
        assertThat(problem.getInt("status")).isEqualTo(401);
    }

    @Test
    void startWithUnknownKeyIsUnauthorizedToo() {
        var response = http.postJson(
                "api/v1/verifications",
                "{\"phone\":\"+447700900123\"}",
                "Authorization",
                "Bearer rp_live_abcdefgh12345678_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).getString("code")).isEqualTo("unauthorized");
    }

    @Test
    void unknownApiPathIsNotFoundProblemWithoutInternals() {
        var response = http.get("api/no-such-thing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).getString("code")).isEqualTo("not_found");
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("dev.ringproof");
    }
}
