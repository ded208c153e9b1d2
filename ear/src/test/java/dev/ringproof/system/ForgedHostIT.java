package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Host header never decides where a browser goes: with {@code Host: evil.example}, the
 * console's redirects (to sign-in, after it, /admin to /admin/) and the API's 201 Location
 * stay on this server's paths (no ringproof.public-url is set for the system tests).
 */
@ExtendWith(ArquillianExtension.class)
class ForgedHostIT {

    private static final String EVIL = "evil.example";

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void theWayToSignInIsAPathOnThisServer() {
        var toLogin = RawHttp.get("/admin/", EVIL);
        var toSlash = RawHttp.get("/admin", EVIL);
        var deep = RawHttp.get("/admin/tenants/list.xhtml", EVIL);

        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location")).hasValue("/admin/login.xhtml");
        assertThat(toSlash.status()).isBetween(301, 302);
        assertThat(toSlash.header("Location"))
                .hasValueSatisfying(
                        location -> assertThat(location).doesNotContain(EVIL).endsWith("/admin/"));
        assertThat(deep.header("Location")).hasValue("/admin/login.xhtml");
    }

    @Test
    void signingInRedirectsToAPathOnThisServer() {
        var login = RawHttp.get("/admin/login.xhtml", EVIL);
        var viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"")
                .matcher(login.body());
        assertThat(viewState.find()).as(login.body()).isTrue();
        String form = "login=login&sign-in=Sign+in&username=" + Ringproof.ADMIN
                + "&password=" + URLEncoder.encode(Ringproof.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);

        var signedIn = RawHttp.exchange(
                "POST",
                "/admin/login.xhtml",
                EVIL,
                form,
                "Content-Type: application/x-www-form-urlencoded",
                "Origin: http://" + EVIL);

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.header("Location")).hasValue("/admin/index.xhtml");
    }

    @Test
    void theApisLocationIsThePathApiMdGives() {
        var tenant = ringproof.tenant("Forged host " + System.nanoTime());

        var started = RawHttp.exchange(
                "POST",
                "/api/v1/verifications",
                EVIL,
                "{\"phone\":\"" + Ringproof.mobile() + "\"}",
                "Content-Type: application/json",
                "Authorization: Bearer " + tenant.key());

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = Http.json(started.body()).getString("id");
        assertThat(started.header("Location")).hasValue("/api/v1/verifications/" + id);
    }

    @Test
    void theAdminApisLocationIsAPathToo() {
        String basic = Base64.getEncoder()
                .encodeToString((Ringproof.ADMIN + ":" + Ringproof.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

        var created = RawHttp.exchange(
                "POST",
                "/api/admin/v1/tenants",
                EVIL,
                "{\"name\":\"Forged host admin " + System.nanoTime() + "\"}",
                "Content-Type: application/json",
                "Authorization: Basic " + basic);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).startsWith("/api/admin/v1/tenants/"));
    }
}
