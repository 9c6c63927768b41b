package dev.qcurate.command.curatedlist;

import dev.qcurate.command.dispatch.ChangeProposals;
import dev.qcurate.command.dispatch.CommandDispatcher;
import dev.qcurate.shared.curatedlist.CreateCuratedListCommand;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.curatedlist.ReleaseListCommand;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.QuestionId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

import static dev.qcurate.command.dispatch.PositionHeader.answer;

/** Creating lists, proposing to add, remove or move their entries, and naming releases. */
@RestController
@RequiredArgsConstructor
class CuratedListController {

    private final CommandDispatcher dispatcher;
    private final ListVersionLookup versions;

    record ReleaseBody(
            @NotNull String label, @PositiveOrZero Integer version) {}

    record CreateBody(@NotNull String name, String title, String description) {}

    record EntryBody(
            @NotNull UUID questionId, @PositiveOrZero Integer index) {}

    record MoveBody(@NotNull @PositiveOrZero Integer index) {}

    @PostMapping("/api/lists")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateBody body) {
        var listId = CuratedListId.random();
        var sent = dispatcher.send(
                new CreateCuratedListCommand(listId, body.name(), body.title(), body.description()), listId);
        return answer(HttpStatus.CREATED, sent, Map.of("listId", listId));
    }

    @PostMapping("/api/lists/{id}/entries")
    ResponseEntity<Map<String, Object>> addEntry(@PathVariable UUID id, @Valid @RequestBody EntryBody body) {
        return submit(new ProposedChange.ListEntryAddition(
                CuratedListId.of(id), QuestionId.of(body.questionId()), body.index()));
    }

    @DeleteMapping("/api/lists/{id}/entries/{questionId}")
    ResponseEntity<Map<String, Object>> removeEntry(@PathVariable UUID id, @PathVariable UUID questionId) {
        return submit(new ProposedChange.ListEntryRemoval(CuratedListId.of(id), QuestionId.of(questionId)));
    }

    @PostMapping("/api/lists/{id}/entries/{questionId}/position")
    ResponseEntity<Map<String, Object>> moveEntry(
            @PathVariable UUID id, @PathVariable UUID questionId, @Valid @RequestBody MoveBody body) {
        return submit(new ProposedChange.ListEntryMove(CuratedListId.of(id), QuestionId.of(questionId), body.index()));
    }

    /** Names the given version, or the list's current one; the version must exist on the query side. */
    @PostMapping("/api/lists/{id}/releases")
    ResponseEntity<Map<String, Object>> release(@PathVariable UUID id, @Valid @RequestBody ReleaseBody body) {
        int current = versions.currentVersion(id);
        int version = body.version() == null ? current : body.version();
        if (version > current) {
            throw new IllegalArgumentException("list " + id + " has versions 0 to " + current + ", not " + version);
        }
        var listId = CuratedListId.of(id);
        var sent = dispatcher.send(new ReleaseListCommand(listId, body.label(), version), listId);
        return answer(HttpStatus.CREATED, sent, Map.of("label", body.label().strip(), "version", version));
    }

    private ResponseEntity<Map<String, Object>> submit(ProposedChange change) {
        return ChangeProposals.submit(dispatcher, change);
    }
}
