package dev.ringproof.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicUrlTest {

    private static final PublicUrl NONE = PublicUrl.of(Optional.empty());
    private static final PublicUrl CONFIGURED = PublicUrl.of(Optional.of("https://Verify.Example.com/"));

    @Test
    void withoutOneAUrlBuiltFromAForgedHostBecomesItsPath() {
        assertThat(NONE.location("http://evil.example/admin/login.xhtml", "/admin/", "http://evil.example:80"))
                .isEqualTo("/admin/login.xhtml");
        assertThat(NONE.location(
                        "http://evil.example:8080/admin/index.xhtml?x=1",
                        "/admin/login.xhtml",
                        "http://evil.example:8080"))
                .isEqualTo("/admin/index.xhtml?x=1");
    }

    @Test
    void withOneEveryLocationOnThisServerIsOnThePublicUrl() {
        assertThat(CONFIGURED.location("http://evil.example/admin/login.xhtml", "/admin/", "http://evil.example:80"))
                .isEqualTo("https://verify.example.com/admin/login.xhtml");
        assertThat(CONFIGURED.location("/api/v1/verifications/v_1", "/api/v1/verifications", "http://localhost:8080"))
                .isEqualTo("https://verify.example.com/api/v1/verifications/v_1");
    }

    @Test
    void aRelativePathIsResolvedAgainstTheRequestsPath() {
        assertThat(NONE.location("edit.xhtml?id=7", "/admin/tenants/list.xhtml", "http://localhost:8080"))
                .isEqualTo("/admin/tenants/edit.xhtml?id=7");
        assertThat(CONFIGURED.location("../index.xhtml", "/admin/tenants/list.xhtml", "http://localhost:8080"))
                .isEqualTo("https://verify.example.com/admin/index.xhtml");
    }

    @Test
    void aPathStaysAPathWithoutOne() {
        assertThat(NONE.location("/admin/login.xhtml", "/admin/", "http://localhost:8080"))
                .isEqualTo("/admin/login.xhtml");
    }

    @Test
    void aBasePathIsKept() {
        var behindAPrefix = PublicUrl.of(Optional.of("https://example.com/ringproof//"));

        assertThat(behindAPrefix.base()).isEqualTo("https://example.com/ringproof");
        assertThat(behindAPrefix.location("/admin/", "/admin", "http://localhost:8080"))
                .isEqualTo("https://example.com/ringproof/admin/");
    }

    @Test
    void anotherOriginIsADeliberateLinkAndStays() {
        assertThat(NONE.location("https://docs.example.org/x", "/admin/", "http://localhost:8080"))
                .isEqualTo("https://docs.example.org/x");
        assertThat(NONE.location("http://localhost:9090/x", "/admin/", "http://localhost:8080"))
                .isEqualTo("http://localhost:9090/x");
    }

    @Test
    void blankMeansNone() {
        assertThat(PublicUrl.of(Optional.of("  ")).base()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "verify.example.com",
                "/admin",
                "ftp://verify.example.com",
                "https://user@verify.example.com",
                "https://verify.example.com/?a=1",
                "https://verify.example.com/#top",
                "https://",
                "http://exa mple.com"
            })
    void refusesWhatIsNotAnAbsoluteHttpUrl(String value) {
        assertThatThrownBy(() -> PublicUrl.of(Optional.of(value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ringproof.public-url");
    }
}
