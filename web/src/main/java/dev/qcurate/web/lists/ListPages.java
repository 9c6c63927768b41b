package dev.qcurate.web.lists;

import dev.qcurate.web.services.ServiceProblem;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** Builds the list page from the list version asked for, its versions and its releases. */
@Component
@RequiredArgsConstructor
class ListPages {

    static final int MAX_SEARCH_LENGTH = 200;

    private final ListsClient lists;

    ListPage page(UUID listId, ListSelector selector) {
        ListContent content = lists.content(listId, selector);
        VersionChoices choices = new VersionChoices(lists.versions(listId), lists.releases(listId));
        int latest = choices.latest(content.version());
        List<String> labels = choices.labels(content.version());
        return new ListPage(
                content,
                shown(content, selector, latest, labels),
                choices.options(content.version()),
                latest,
                labels,
                selector.asOfInput(),
                Math.max(0, content.version() - 1));
    }

    /** The editors' search for a question to add: none yet, refused (too long) or its hits. */
    AddQuestion search(String q) {
        if (q == null || q.isBlank()) {
            return new AddQuestion(q == null ? "" : q, List.of(), false, null);
        }
        if (q.strip().length() > MAX_SEARCH_LENGTH) {
            return new AddQuestion(
                    q,
                    List.of(),
                    false,
                    "Search text can have at most " + MAX_SEARCH_LENGTH + " characters; shorten it and search again.");
        }
        try {
            return new AddQuestion(q, lists.search(q.strip()), true, null);
        } catch (ServiceProblem problem) {
            if (problem.status() == 401 || problem.status() == 503) {
                throw problem;
            }
            return new AddQuestion(q, List.of(), false, problem.detail());
        }
    }

    private static String shown(ListContent content, ListSelector selector, int latest, List<String> labels) {
        int version = content.version();
        String when = content.at() == null ? "" : ", made " + Times.utc(content.at());
        String latestNote = version == latest ? ", the latest" : " (the latest is version " + latest + ")";
        String sentence;
        if (selector.release() != null) {
            sentence = "Showing release " + selector.release() + ", which is version " + version + latestNote + when;
        } else if (selector.asOf() != null) {
            sentence = "Showing the list as it was at " + Times.utc(selector.asOf()) + ": version " + version
                    + latestNote + when;
        } else if (selector.version() != null) {
            sentence = "Showing version " + version + latestNote + when;
        } else {
            sentence = "Showing the latest version, version " + version + when;
        }
        String released = labels.isEmpty() || selector.release() != null && labels.size() == 1
                ? ""
                : ". Released as " + String.join(", ", labels);
        return sentence + released + ".";
    }
}
