package dev.ringproof.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossSiteRefusalTest {

    @Test
    void anOriginIsTheSameOnlyWithTheSameSchemeHostAndPort() {
        assertThat(CrossSiteRefusal.sameOrigin("http://localhost:8080", "localhost:8080"))
                .isTrue();
        assertThat(CrossSiteRefusal.sameOrigin("https://ringproof.example", "ringproof.example"))
                .isTrue();
        assertThat(CrossSiteRefusal.sameOrigin("https://ringproof.example", "ringproof.example:443"))
                .isTrue();
        assertThat(CrossSiteRefusal.sameOrigin("http://RINGPROOF.example", "ringproof.example"))
                .isTrue();

        assertThat(CrossSiteRefusal.sameOrigin("https://evil.example", "ringproof.example"))
                .isFalse();
        assertThat(CrossSiteRefusal.sameOrigin("http://localhost:8081", "localhost:8080"))
                .isFalse();
        assertThat(CrossSiteRefusal.sameOrigin("http://localhost:8080.evil.example", "localhost:8080"))
                .isFalse();
        assertThat(CrossSiteRefusal.sameOrigin("null", "localhost:8080")).isFalse();
        assertThat(CrossSiteRefusal.sameOrigin("", "localhost:8080")).isFalse();
        assertThat(CrossSiteRefusal.sameOrigin("http://localhost:8080/path", "localhost:8080"))
                .isFalse();
        assertThat(CrossSiteRefusal.sameOrigin("http://localhost:8080", null)).isFalse();
        assertThat(CrossSiteRefusal.sameOrigin("http://localhost:8080", "local host"))
                .isFalse();
    }
}
