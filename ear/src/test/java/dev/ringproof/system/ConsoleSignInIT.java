package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first admin, created at start from admin.bootstrap.user/password (set for the test
 * server by failsafe), can sign in to the console; a wrong password cannot.
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

        var signIn = http.postForm("admin/j_security_check", form(ADMIN, ADMIN_PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(302);

        var dashboard = http.get("admin/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Signed in as admin");
    }

    @Test
    void wrongPasswordIsRefused() {
        var http = new Http();
        http.get("admin/");

        http.postForm("admin/j_security_check", form(ADMIN, "not-the-password-at-all"));

        var page = http.get("admin/");
        assertThat(page.body()).doesNotContain("Signed in as").contains("j_security_check");
    }

    private static String form(String user, String password) {
        return "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }
}
