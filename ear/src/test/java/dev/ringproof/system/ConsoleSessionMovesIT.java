package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A console session that reaches the server only in its serialized form keeps its user and
 * roles. That is what a deployment group does when an instance dies: the survivor has the
 * session from the replica, written by the container's session serialization, and none of the
 * dead instance's memory. One server does the same with {@code redeploy --keepstate=true}: the
 * sessions are serialized, the application is replaced and reads them back. Both lose the
 * authenticated Subject's public credentials (not serializable), which is what the container
 * needed to reuse the session's principal with its groups; without the console's own restoring
 * of the caller (ConsoleSessionRestore) the session comes back signed in without a role and
 * every console page answers 403, as the cluster drill showed (docs/cluster.md).
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleSessionMovesIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void aSessionReadBackFromItsSerializedFormKeepsItsUserAndRoles() throws Exception {
        try (var browser = new Browser()) {
            browser.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            browser.open("tenants/list.xhtml");
            browser.await(By.id("new-tenant"));
            String session = browser.sessionId();

            new PayaraProcess()
                    .asadmin(
                            "redeploy",
                            "--keepstate=true",
                            "--name=ringproof",
                            new File(System.getProperty("ringproof.ear", "target/ringproof.ear")).getAbsolutePath());
            Eventually.ready(Http.BASE, "the redeployed application", Duration.ofSeconds(120));

            browser.open("tenants/list.xhtml");
            assertThat(browser.driver.getTitle()).doesNotContain("403").doesNotContain("Sign in");
            browser.await(By.id("new-tenant"));
            assertThat(browser.driver.findElement(By.id("signed-in-as")).getText())
                    .contains(Ringproof.ADMIN);
            assertThat(browser.sessionId())
                    .as("the same session, no new sign-in")
                    .isEqualTo(session);
        }
    }
}
