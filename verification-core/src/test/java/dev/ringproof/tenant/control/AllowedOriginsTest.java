package dev.ringproof.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringproof.platform.boundary.Refusal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    @Test
    void originsAreStoredNormalisedWithoutDefaultPortsOrDuplicates() {
        assertThat(AllowedOrigins.of(List.of(
                        "https://Shop.Example",
                        "https://shop.example:443",
                        "http://localhost:8080",
                        "HTTP://LOCALHOST:80")))
                .isEqualTo("https://shop.example http://localhost:8080 http://localhost");
    }

    @Test
    void anythingButABareHttpOrHttpsOriginIsRefusedWithTheField() {
        for (String bad : List.of(
                "https://shop.example/",
                "https://shop.example/signup",
                "https://*.shop.example",
                "shop.example",
                "ftp://shop.example",
                "https://user@shop.example",
                "https://shop.example?x=1",
                "https://shop.example#top",
                " https://shop.example",
                "null",
                "")) {
            assertThatThrownBy(() -> AllowedOrigins.of(List.of(bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            Refusal.class,
                            r -> assertThat(r.fieldProblems().get(0).field()).isEqualTo("allowed_origins"));
        }
    }

    @Test
    void aPublishableKeyNeedsOneToTwentyOrigins() {
        assertThatThrownBy(() -> AllowedOrigins.of(List.of())).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> AllowedOrigins.of(Collections.nCopies(21, "https://a.example")))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void matchingIsExactAfterNormalising() {
        String stored = AllowedOrigins.of(List.of("https://shop.example", "http://localhost:8080"));
        assertThat(AllowedOrigins.allows(stored, "https://SHOP.example:443")).isTrue();
        assertThat(AllowedOrigins.allows(stored, "http://localhost:8080")).isTrue();
        assertThat(AllowedOrigins.allows(stored, "http://shop.example")).isFalse();
        assertThat(AllowedOrigins.allows(stored, "https://evil.shop.example")).isFalse();
        assertThat(AllowedOrigins.allows(stored, "https://shop.example.evil.example"))
                .isFalse();
        assertThat(AllowedOrigins.allows(stored, "http://localhost:8081")).isFalse();
        assertThat(AllowedOrigins.allows(stored, "null")).isFalse();
        assertThat(AllowedOrigins.allows(stored, null)).isFalse();
    }
}
