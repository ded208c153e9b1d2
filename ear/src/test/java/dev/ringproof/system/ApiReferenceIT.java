package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The browsable API reference at {@code /openapi-ui/}: Swagger UI served by Ringproof itself
 * (Payara owns {@code /openapi/*}), drawing the document {@code /openapi} serves, under a
 * Content-Security-Policy that allows scripts from this server only.
 */
@ExtendWith(ArquillianExtension.class)
class ApiReferenceIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void thePageAndItsScriptsComeFromThisServerUnderAStrictPolicy() {
        var page = new Http().get("openapi-ui/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains("script-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-eval"));
        assertThat(page.body()).doesNotContain("<script>").doesNotContainPattern("https?://");
        var bundle = new Http().get("webjars/swagger-ui/5.34.1/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(new Http().get("").body()).contains("href=\"/openapi-ui/\"");
    }

    /** Swagger UI draws the operations only if the page's policy let its scripts run. */
    @Test
    void aBrowserShowsTheOperationsOfTheServedDocument() {
        try (var browser = new Browser()) {
            browser.driver.get(Http.BASE.resolve("openapi-ui/").toString());
            browser.awaitText(By.cssSelector(".info .title"), "Ringproof API");
            browser.await(By.cssSelector(".opblock-tag-section"));
            String text = browser.driver.findElement(By.id("swagger-ui")).getText();
            assertThat(text)
                    .contains("tenant", "admin", "billing", "sandbox")
                    .contains("startVerification", "checkVerification", "issueApiKey", "getBillingUsage")
                    .contains("/v1/verifications/{id}/check");
        }
    }
}
