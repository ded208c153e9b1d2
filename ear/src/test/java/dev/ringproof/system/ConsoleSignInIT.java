package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first admin, created at start from admin.bootstrap.user/password (set for the test
 * server by failsafe), can sign in to the console over plain HTTP; a wrong password cannot.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleSignInIT {

    static final String ADMIN = Ringproof.ADMIN;
    static final String ADMIN_PASSWORD = Ringproof.ADMIN_PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void bootstrapAdminSignsIn() {
        var http = new Http();
        http.get("admin/");

        var signIn = signIn(http, ADMIN, ADMIN_PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(302);

        var dashboard = http.get("admin/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Signed in as admin");
    }

    @Test
    void wrongPasswordIsRefused() {
        var http = new Http();
        http.get("admin/");

        var refused = signIn(http, ADMIN, "not-the-password-at-all");
        assertThat(refused.body()).contains("The user name or password is not right.");

        var page = http.get("admin/");
        assertThat(page.body()).doesNotContain("Signed in as");
    }

    @Test
    void aSessionIdInTheUrlResumesNoSession() {
        var signIn = signIn(new Http(), ADMIN, ADMIN_PASSWORD);
        String sessionId = signIn.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring("JSESSIONID=".length()).split(";")[0])
                .reduce((first, last) -> last)
                .orElseThrow();
        var byCookie = new Http().send("GET", "admin/", null, null, "Cookie", "JSESSIONID=" + sessionId);
        assertThat(byCookie.body()).contains("Signed in as admin");

        for (String path : new String[] {
            "admin/;jsessionid=" + sessionId,
            "admin/index.xhtml;jsessionid=" + sessionId,
            "admin/index.xhtml;JSESSIONID=" + sessionId
        }) {
            var byUrl = new Http().get(path);

            assertThat(byUrl.body()).as(path).doesNotContain("Signed in as");
            assertThat(byUrl.statusCode()).as(path).isNotEqualTo(200);
        }
    }

    /** Posts the console's login form as a browser would: its (stateless) view state and its own Origin. */
    static HttpResponse<String> signIn(Http http, String user, String password) {
        return signIn(http, Http.BASE, user, password);
    }

    /** The same, on another listener or server {@code base} that {@code http} talks to. */
    static HttpResponse<String> signIn(Http http, java.net.URI base, String user, String password) {
        var login = http.get("admin/login.xhtml");
        var viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"")
                .matcher(login.body());
        assertThat(viewState.find()).as(login.body()).isTrue();
        String form = "login=login&sign-in=Sign+in&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8);
        String origin = base.getScheme() + "://" + base.getAuthority();
        return http.send("POST", "admin/login.xhtml", form, "application/x-www-form-urlencoded", "Origin", origin);
    }
}
