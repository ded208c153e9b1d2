package dev.ringproof.root;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownPathOptionsTest {

    @Test
    void onlyTheModulesOwnPageIsAPathHere() {
        assertThat(UnknownPathOptions.isOwnPage("/")).isTrue();
        assertThat(UnknownPathOptions.isOwnPage("/index.html")).isTrue();
        for (String path : new String[] {
            "/API/admin/v1/tenants", "/api /admin/v1/users", "/nonexistent", "/WEB-INF/web.xml", "/index.html/x"
        }) {
            assertThat(UnknownPathOptions.isOwnPage(path)).as(path).isFalse();
        }
    }
}
