package dev.ringproof.webhook.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.boundary.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    @Test
    void webhooksMustBeHttpsWithoutUserInfo() {
        assertThat(WebhookUrls.checked("https://hooks.example.com/ringproof", false))
                .isEqualTo("https://hooks.example.com/ringproof");
        for (String bad : List.of(
                "http://hooks.example.com/",
                "https://user:pw@example.com/",
                "ftp://example.com",
                "javascript:alert(1)",
                "https:///nohost",
                "not a url")) {
            assertThatThrownBy(() -> WebhookUrls.checked(bad, false)).as(bad).isInstanceOf(Refusal.class);
        }
        assertThat(WebhookUrls.checked("http://127.0.0.1:9000/hook", true)).startsWith("http://");
    }
}
