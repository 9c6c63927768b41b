package dev.qcurate.command.question;

import dev.qcurate.command.dispatch.ChangeProposals;
import dev.qcurate.command.dispatch.CommandDispatcher;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.ProposeQuestionCommand;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.SourceRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.qcurate.command.dispatch.PositionHeader.answer;

/** Editors' proposals about questions: new ones, rewordings, tag changes, retirements, merges and unmerges. */
@RestController
@RequiredArgsConstructor
class QuestionController {

    private final CommandDispatcher dispatcher;

    record SourceBody(
            @Size(max = 255) String document, @Positive Integer line) {}

    record ProposeBody(
            @NotNull String text,
            @Size(max = Tags.MAX_TAGS) List<String> tags,
            @Valid SourceBody source,
            UUID listId) {}

    record RewordBody(@NotNull String text, Integer baseRevision) {}

    record TagsBody(
            @Size(max = Tags.MAX_TAGS) List<String> add,
            @Size(max = Tags.MAX_TAGS) List<String> remove,
            Integer baseRevision) {}

    record RetirementBody(String reason, Integer baseRevision) {}

    record MergeBody(@NotNull UUID sourceId, @NotNull UUID targetId, Integer baseRevision) {}

    record UnmergeBody(Integer baseRevision) {}

    record RevertBody(@NotNull @Positive Integer toRevision, Integer baseRevision) {}

    @PostMapping("/api/questions")
    ResponseEntity<Map<String, Object>> propose(@Valid @RequestBody ProposeBody body) {
        var questionId = QuestionId.random();
        var proposalId = ProposalId.random();
        var source = body.source() == null
                ? null
                : new SourceRef(body.source().document(), body.source().line(), null);
        var listId = body.listId() == null ? null : CuratedListId.of(body.listId());
        var sent = dispatcher.send(
                new ProposeQuestionCommand(
                        questionId,
                        proposalId,
                        body.text(),
                        body.tags() == null ? List.of() : body.tags(),
                        source,
                        listId,
                        List.of()),
                questionId,
                proposalId);
        return answer(HttpStatus.ACCEPTED, sent, Map.of("questionId", questionId, "proposalId", proposalId));
    }

    @PostMapping("/api/questions/{id}/rewordings")
    ResponseEntity<Map<String, Object>> reword(@PathVariable UUID id, @Valid @RequestBody RewordBody body) {
        return submit(new ProposedChange.Rewording(QuestionId.of(id), body.text(), revision(body.baseRevision())));
    }

    @PostMapping("/api/questions/{id}/tags")
    ResponseEntity<Map<String, Object>> changeTags(@PathVariable UUID id, @Valid @RequestBody TagsBody body) {
        return submit(new ProposedChange.TagChange(
                QuestionId.of(id), orEmpty(body.add()), orEmpty(body.remove()), revision(body.baseRevision())));
    }

    @PostMapping("/api/questions/{id}/retirement")
    ResponseEntity<Map<String, Object>> retire(@PathVariable UUID id, @RequestBody RetirementBody body) {
        return submit(new ProposedChange.Retirement(QuestionId.of(id), body.reason(), revision(body.baseRevision())));
    }

    @PostMapping("/api/merges")
    ResponseEntity<Map<String, Object>> merge(@Valid @RequestBody MergeBody body) {
        return submit(new ProposedChange.Merge(
                QuestionId.of(body.sourceId()), QuestionId.of(body.targetId()), revision(body.baseRevision()), 0));
    }

    @PostMapping("/api/questions/{id}/unmerge")
    ResponseEntity<Map<String, Object>> unmerge(
            @PathVariable UUID id, @RequestBody(required = false) UnmergeBody body) {
        return submit(new ProposedChange.Unmerge(QuestionId.of(id), body == null ? 0 : revision(body.baseRevision())));
    }

    /** Proposes returning the question to what an earlier revision showed (text and tags). */
    @PostMapping("/api/questions/{id}/reverts")
    ResponseEntity<Map<String, Object>> revert(@PathVariable UUID id, @Valid @RequestBody RevertBody body) {
        return submit(new ProposedChange.Revert(
                QuestionId.of(id), body.toRevision(), null, List.of(), revision(body.baseRevision())));
    }

    private ResponseEntity<Map<String, Object>> submit(ProposedChange change) {
        return ChangeProposals.submit(dispatcher, change);
    }

    private static int revision(Integer baseRevision) {
        if (baseRevision != null && baseRevision < 1) {
            throw new IllegalArgumentException("baseRevision must be at least 1");
        }
        return baseRevision == null ? 0 : baseRevision;
    }

    private static List<String> orEmpty(List<String> tags) {
        return tags == null ? List.of() : tags;
    }
}
