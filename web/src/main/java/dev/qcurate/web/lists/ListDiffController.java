package dev.qcurate.web.lists;

import dev.qcurate.web.diff.WordDiff;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Compare two versions of a list: added, removed, reworded (word diff) and merged questions. */
@Controller
@RequiredArgsConstructor
class ListDiffController {

    private final ListsClient lists;

    @GetMapping("/lists/{id}/diff")
    String diff(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        UUID listId = ListIds.list(id);
        Integer fromVersion = from == null || from.isBlank() ? null : ListSelector.versionNumber(from, "version");
        Integer toVersion = to == null || to.isBlank() ? null : ListSelector.versionNumber(to, "version");
        ListContent latest = lists.content(listId, ListSelector.latest());
        int end = toVersion == null ? latest.version() : toVersion;
        int start = fromVersion == null ? Math.max(0, end - 1) : fromVersion;
        ListDiff diff = lists.diff(listId, start, end);
        VersionChoices choices = new VersionChoices(lists.versions(listId), lists.releases(listId));
        model.addAttribute(
                "page",
                new DiffPage(
                        latest,
                        start,
                        end,
                        choices.options(start),
                        choices.options(end),
                        diff.added(),
                        diff.removed(),
                        diff.reworded().stream()
                                .map(r -> new DiffPage.Reworded(r.questionId(), WordDiff.of(r.before(), r.after())))
                                .toList(),
                        merged(listId, diff, start, end)));
        return "lists/diff";
    }

    /** The diff names merged questions by id: their texts come from the two versions compared. */
    private List<DiffPage.Merged> merged(UUID listId, ListDiff diff, int from, int to) {
        if (diff.merged().isEmpty()) {
            return List.of();
        }
        Map<UUID, String> before = texts(lists.content(listId, ListSelector.ofVersion(from)));
        Map<UUID, String> after = texts(lists.content(listId, ListSelector.ofVersion(to)));
        return diff.merged().stream()
                .map(m -> new DiffPage.Merged(
                        m.sourceId(),
                        before.getOrDefault(m.sourceId(), after.get(m.sourceId())),
                        m.targetId(),
                        after.getOrDefault(m.targetId(), before.get(m.targetId()))))
                .toList();
    }

    private static Map<UUID, String> texts(ListContent content) {
        Map<UUID, String> texts = new HashMap<>();
        content.entries().forEach(entry -> texts.put(entry.questionId(), entry.text()));
        return texts;
    }
}
