package dev.qcurate.command.curatedlist;

import dev.qcurate.command.config.ControllerSliceTest;
import dev.qcurate.command.dispatch.CommandDispatcher;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

@WebMvcTest(controllers = CuratedListController.class)
class CuratedListControllerTest extends ControllerSliceTest {

    @MockitoBean
    ListVersionLookup versions; // asks the query service; releases are not under test here

    private final UUID list = UUID.randomUUID();

    @Test
    void creatingListAnswersCreated() throws Exception {
        when(dispatcher.send(any(), any())).thenReturn(new CommandDispatcher.Dispatched<>(null, 4L));
        performJson(as("EDITOR"), post("/api/lists"), "{\"name\":\"python\",\"title\":\"Python\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Qcurate-Position", "4"))
                .andExpect(jsonPath("$.listId").isString());
    }

    @Test
    void duplicateListNameIsConflict() throws Exception {
        when(dispatcher.send(any(), any()))
                .thenThrow(new CommandExecutionException(
                        "failed", new IllegalStateException("a list named 'python' already exists")));
        performJson(as("EDITOR"), post("/api/lists"), "{\"name\":\"python\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("a list named 'python' already exists"));
    }

    @Test
    void entryIndexMustNotBeNegative() throws Exception {
        performJson(
                        as("EDITOR"),
                        post("/api/lists/{id}/entries", list),
                        "{\"questionId\":\"" + UUID.randomUUID() + "\",\"index\":-1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("index")));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void entryChangesAreAcceptedAsProposals() throws Exception {
        when(dispatcher.send(any(), any())).thenReturn(new CommandDispatcher.Dispatched<>(null, 6L));
        performJson(
                        as("EDITOR"),
                        post("/api/lists/{id}/entries", list),
                        "{\"questionId\":\"" + UUID.randomUUID() + "\"}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.proposalId").isString());
        mvc.perform(delete("/api/lists/{id}/entries/{q}", list, UUID.randomUUID())
                        .with(as("REVIEWER")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.position").value(6));
    }

    @Test
    void readersCannotChangeLists() throws Exception {
        mvc.perform(delete("/api/lists/{id}/entries/{q}", list, UUID.randomUUID())
                        .with(as("READER")))
                .andExpect(status().isForbidden());
        performJson(as("READER"), post("/api/lists"), "{\"name\":\"python\"}").andExpect(status().isForbidden());
        verifyNoInteractions(dispatcher);
    }
}
