package dev.qcurate.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON the event store and the topic hold for each event: {@code contract-json.json} was written from the
 * contract's records and must not change, whatever the records gain in Java (interfaces, visitors).
 */
class ContractJsonTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyEventSerialisesAsRecordedInTheContract() throws IOException {
        ObjectNode actual = json.createObjectNode();
        for (Object event : ContractSamples.events()) {
            actual.set(event.getClass().getName(), json.valueToTree(event));
        }
        assertThat(actual).isEqualTo(recorded());
    }

    @Test
    void everyEventReadsBackFromItsRecordedJson() throws IOException {
        ObjectNode recorded = recorded();
        for (Object event : ContractSamples.events()) {
            assertThat(json.treeToValue(recorded.get(event.getClass().getName()), event.getClass()))
                    .isEqualTo(event);
        }
    }

    private ObjectNode recorded() throws IOException {
        try (InputStream in = ContractJsonTest.class.getResourceAsStream("contract-json.json")) {
            return (ObjectNode) json.readTree(in);
        }
    }
}
