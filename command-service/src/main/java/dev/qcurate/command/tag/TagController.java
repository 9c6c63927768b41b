package dev.qcurate.command.tag;

import dev.qcurate.command.dispatch.ChangeProposals;
import dev.qcurate.command.dispatch.CommandDispatcher;
import dev.qcurate.command.question.Tags;
import dev.qcurate.shared.proposal.ProposedChange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Editors propose renaming a tag, or merging several into one, across the whole bank. */
@RestController
@RequiredArgsConstructor
class TagController {

    private final CommandDispatcher dispatcher;

    record RenameBody(
            @NotEmpty @Size(max = Tags.MAX_TAGS) List<@NotNull @Size(max = 100) String> from,
            @NotNull @Size(max = 100) String to) {}

    @PostMapping("/api/tag-renames")
    ResponseEntity<Map<String, Object>> rename(@Valid @RequestBody RenameBody body) {
        return ChangeProposals.submit(dispatcher, new ProposedChange.TagRename(body.from(), body.to()));
    }
}
