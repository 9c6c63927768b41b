package dev.qcurate.query.compression;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NegotiationTest {

    @Test
    void gzipIsAcceptedWhenNamedOrCoveredByAStarWithANonZeroQuality() {
        assertThat(Negotiation.acceptsGzip("gzip")).isTrue();
        assertThat(Negotiation.acceptsGzip("br, GZIP;q=0.5")).isTrue();
        assertThat(Negotiation.acceptsGzip("*")).isTrue();
        assertThat(Negotiation.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(Negotiation.acceptsGzip("gzip;q=0.0, identity")).isFalse();
        assertThat(Negotiation.acceptsGzip("gzip;q=nonsense")).isFalse();
        assertThat(Negotiation.acceptsGzip("br, deflate")).isFalse();
        assertThat(Negotiation.acceptsGzip(null)).isFalse();
    }

    @Test
    void theGzipTagIsAnotherStrongTagAndWeakTagsGetNone() {
        assertThat(Negotiation.gzipTag("\"v3-abc\"")).isEqualTo("\"v3-abc-gzip\"");
        assertThat(Negotiation.gzipTag("W/\"v3-abc\"")).isNull();
        assertThat(Negotiation.gzipTag(null)).isNull();
    }

    @Test
    void ifNoneMatchKeepsOnlyTheSelectedRepresentationsTagsAsIdentityTags() {
        String both = "\"v1-a\", \"v2-b-gzip\"";
        assertThat(Negotiation.ifNoneMatchFor(both, true)).isEqualTo("\"v2-b\"");
        assertThat(Negotiation.ifNoneMatchFor(both, false)).isEqualTo("\"v1-a\"");
        assertThat(Negotiation.ifNoneMatchFor("\"v1-a\"", true)).isNull();
        assertThat(Negotiation.ifNoneMatchFor("*", true)).isEqualTo("*");
        assertThat(Negotiation.ifNoneMatchFor(null, false)).isNull();
    }
}
