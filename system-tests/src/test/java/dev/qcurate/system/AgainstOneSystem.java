package dev.qcurate.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test class against one whole system ({@link Qcurate}), started before its first test and stopped after its last:
 * the dev users signed in, its stores to read, and the steps tests make their data with over the API (an editor
 * proposes, a reviewer approves). One instance per class, so that the fields live as long as the system.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgainstOneSystem {

    private final String name;
    private final List<ServiceProcess> otherQueryServices = new ArrayList<>();

    Qcurate qcurate;
    Client editor;
    Client editor2;
    Client reviewer;
    Client reviewer2;
    Client reader;
    Client admin;
    Stores stores;

    /** The position of the latest change made through {@link #approve} or {@link #list}. */
    long lastPosition;

    /** {@code name}: the system's database, topic and log files. */
    AgainstOneSystem(String name) {
        this.name = name;
    }

    /** How the system starts; the browser tests start the web too. */
    Qcurate start(String name) throws Exception {
        return Qcurate.start(name);
    }

    /** Who approves what {@link #activeQuestion} and {@link #list} propose. */
    Client approver() {
        return reviewer;
    }

    @BeforeAll
    final void startTheSystem() throws Exception {
        qcurate = start(name);
        editor = qcurate.as("editor");
        editor2 = qcurate.as("editor2");
        reviewer = qcurate.as("reviewer");
        reviewer2 = qcurate.as("reviewer2");
        reader = qcurate.as("reader");
        admin = qcurate.as("admin");
        stores = new Stores(qcurate);
    }

    @AfterAll
    void stopTheSystem() throws Exception {
        for (ServiceProcess instance : otherQueryServices) {
            instance.close();
        }
        if (qcurate != null) {
            qcurate.close();
        }
    }

    /** Another query-service instance of this system, started now and stopped before the system is. */
    ServiceProcess startAnotherQueryService(String suffix, Map<String, String> settings) throws Exception {
        ServiceProcess instance = qcurate.anotherQueryService(suffix, settings);
        otherQueryServices.add(instance); // before it starts: one that fails halfway is stopped too
        instance.start();
        return instance;
    }

    /** A question the editor proposed and the approver accepted; its id. */
    String activeQuestion(String text, List<String> tags) {
        Client.Answer proposed = editor.post("/api/questions", Map.of("text", text, "tags", tags));
        approve(proposed);
        return proposed.text("questionId");
    }

    /** A list of the given (active) questions in this order, each entry proposed by the editor and approved. */
    String list(String name, String title, List<String> questions) {
        Client.Answer created = editor.post("/api/lists", Map.of("name", name, "title", title));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String list = created.text("listId");
        lastPosition = created.position();
        for (String question : questions) {
            approve(editor.post("/api/lists/" + list + "/entries", Map.of("questionId", question)));
        }
        return list;
    }

    /** Approves what {@code proposal} (an accepted proposing request) proposed; the approval's position. */
    long approve(Client.Answer proposal) {
        assertThat(proposal.status()).as(proposal.body().toString()).isEqualTo(202);
        return approve(proposal.text("proposalId"));
    }

    /** The approver approves {@code proposalId}; the approval's position. */
    long approve(String proposalId) {
        Client.Answer approved = approver().post("/api/proposals/" + proposalId + "/approval", Map.of());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        lastPosition = approved.position();
        return lastPosition;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }
}
