package dev.qcurate.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonBodiesTest {

    record Proposal(String text, UUID questionId, List<String> tags) {}

    private final MappingJackson2HttpMessageConverter converter = strictConverter();

    @Test
    void aWellFormedBodyIsRead() throws Exception {
        Proposal read = read("{\"text\":\"What is a list?\",\"questionId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
                + "\"tags\":[\"python\"]}");
        assertThat(read)
                .isEqualTo(new Proposal(
                        "What is a list?", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), List.of("python")));
    }

    @Test
    void unknownFieldsAreRefused() {
        assertThatThrownBy(() -> read("{\"text\":\"x\",\"admin\":true}"))
                .isInstanceOf(HttpMessageNotReadableException.class)
                .hasMessageContaining("admin");
    }

    @Test
    void trailingDataIsRefused() {
        assertThatThrownBy(() -> read("{\"text\":\"x\"} {\"text\":\"y\"}"))
                .isInstanceOf(HttpMessageNotReadableException.class);
    }

    @Test
    void aNumberIsNotCoercedIntoText() {
        assertThatThrownBy(() -> read("{\"text\":42}")).isInstanceOf(HttpMessageNotReadableException.class);
    }

    @Test
    void unsafeTextIsRefusedAtAnyDepth() {
        assertThatThrownBy(() -> read("{\"text\":\"ok\",\"tags\":[\"fine\",\"bad\\u202e\"]}"))
                .isInstanceOf(HttpMessageNotReadableException.class)
                .hasRootCauseInstanceOf(StrictJsonBodies.UnsafeTextException.class);
    }

    @Test
    void onlyTheCanonicalUuidFormIsAccepted() {
        assertThatThrownBy(() -> read("{\"questionId\":\"0f8fad5bd9cb469fa16570867728950e\"}"))
                .isInstanceOf(HttpMessageNotReadableException.class);
        assertThatThrownBy(() -> read("{\"questionId\":\" 0f8fad5b-d9cb-469f-a165-70867728950e\"}"))
                .isInstanceOf(HttpMessageNotReadableException.class);
    }

    @Test
    void invalidUtf8IsRefusedEvenWhereJacksonWouldDecodeIt() {
        // an overlong encoding of '/' (0xC0 0xAF): Jackson's decoder lets it through, the strict one does not
        byte[] overlong = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertThatThrownBy(() -> read(overlong))
                .isInstanceOf(HttpMessageNotReadableException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void theApplicationsOwnMapperIsLeftLenient() throws Exception {
        ObjectMapper application = new ObjectMapper();
        List<HttpMessageConverter<?>> converters =
                new ArrayList<>(List.of(new MappingJackson2HttpMessageConverter(application)));
        new StrictJsonBodies().extendMessageConverters(converters);
        assertThat(application.readValue("{\"text\":\"x\",\"extra\":1}", Map.class))
                .containsKey("extra");
        assertThat(application
                        .getDeserializationConfig()
                        .isEnabled(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS))
                .isFalse();
    }

    private static MappingJackson2HttpMessageConverter strictConverter() {
        List<HttpMessageConverter<?>> converters = new ArrayList<>(List.of(new MappingJackson2HttpMessageConverter()));
        new StrictJsonBodies().extendMessageConverters(converters);
        assertThat(converters.get(0)).isInstanceOf(StrictJsonBodies.StrictUtf8Json.class);
        return (MappingJackson2HttpMessageConverter) converters.get(0);
    }

    private Proposal read(String json) throws Exception {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private Proposal read(byte[] body) throws Exception {
        MockHttpInputMessage input = new MockHttpInputMessage(body);
        input.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return (Proposal) converter.read(Proposal.class, null, input);
    }
}
