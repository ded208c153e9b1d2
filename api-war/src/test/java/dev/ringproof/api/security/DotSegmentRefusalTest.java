package dev.ringproof.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DotSegmentRefusalTest {

    @Test
    void dotSegmentsAndBackslashesInAnySpellingAreFound() {
        for (String uri : new String[] {
            "/api/admin/v1/users/.",
            "/api/admin/v1/users/x/..",
            "/api/./admin",
            "/api/x/%2e%2e/admin",
            "/api/%2E/admin",
            "/api/admin%5cv1",
            "/api/admin\\v1",
            "/api/x/.%2e"
        }) {
            assertThat(DotSegmentRefusal.hasDotSegment(uri)).as(uri).isTrue();
        }
        for (String uri : new String[] {
            "/api/v1/verifications/vf_1",
            "/api/admin/v1/pools/pl_1/numbers/+44.1",
            "/api/admin/v1/users/a.b",
            "/api/sandbox/v1/handsets/+447700900123/inbox",
            "/api/v1/x..y"
        }) {
            assertThat(DotSegmentRefusal.hasDotSegment(uri)).as(uri).isFalse();
        }
    }
}
