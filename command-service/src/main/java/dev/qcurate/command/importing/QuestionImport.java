package dev.qcurate.command.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.command.curatedlist.ListNames;
import dev.qcurate.command.dispatch.CommandDispatcher;
import dev.qcurate.command.question.QuestionText;
import dev.qcurate.command.question.Tags;
import dev.qcurate.shared.curatedlist.CreateCuratedListCommand;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.proposal.DuplicateCandidate;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.ProposeQuestionCommand;
import dev.qcurate.shared.question.ProposeQuestionsCommand;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.SourceRef;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One document's import: parse it, check its items for duplicates (against the bank and each other), create or find
 * its list, and propose every accepted item with its provenance and candidates. The same content is imported once.
 */
@Component
@RequiredArgsConstructor
class QuestionImport {

    /** Questions proposed per transaction: in document order, and without a commit per question. */
    static final int CHUNK = 200;

    private final MarkdownQuestionParser parser = new MarkdownQuestionParser();
    private final DuplicateCheck duplicates;
    private final CommandDispatcher dispatcher;
    private final ListNames lists;
    private final ImportRecords records;
    private final ObjectMapper json;

    /** What the import answers; {@code repeated} when the content had been imported before. */
    record Outcome(boolean repeated, long position, Map<String, Object> body) {}

    private record Proposable(
            ParsedDocument.Item item, QuestionId questionId, ProposalId proposalId, String text, List<String> tags) {}

    /**
     * @param listChosen whether the caller named the list (else {@code listName} was derived from the document name)
     */
    Outcome run(String document, String contentSha256, String source, String listName, boolean listChosen) {
        ParsedDocument parsed = parser.parse(document);
        List<Map<String, Object>> rejected = new ArrayList<>();
        parsed.rejected().forEach(r -> rejected.add(rejection(r.line(), r.text(), r.reason())));
        List<Proposable> proposable = new ArrayList<>();
        for (ParsedDocument.Item item : parsed.items()) {
            try {
                proposable.add(new Proposable(
                        item,
                        QuestionId.random(),
                        ProposalId.random(),
                        new QuestionText(item.text()).value(),
                        validTags(item.tags())));
            } catch (IllegalArgumentException e) {
                rejected.add(rejection(item.line(), item.text(), e.getMessage()));
            }
        }
        rejected.sort((a, b) -> Integer.compare((int) a.get("line"), (int) b.get("line")));
        if (proposable.isEmpty()) {
            throw new IllegalArgumentException("the document has no numbered questions to import"
                    + (rejected.isEmpty()
                            ? ""
                            : " (" + rejected.size() + " numbered entries rejected, e.g. line "
                                    + rejected.get(0).get("line") + ": "
                                    + rejected.get(0).get("reason") + ")"));
        }

        UUID importId = UUID.randomUUID();
        var earlier = records.claim(contentSha256, importId, source, CommandDispatcher.currentUser());
        if (earlier.isPresent()) {
            return repeated(earlier.get(), listChosen ? listName : null);
        }
        try {
            Map<QuestionId, DuplicateCheck.Candidates> candidates = duplicates.check(proposable.stream()
                    .map(p -> new DuplicateCheck.Item(p.questionId(), p.text()))
                    .toList());
            CuratedListId listId = findOrCreateList(listName, source);
            List<ProposalId> proposalIds = new ArrayList<>(proposable.size());
            List<ProposeQuestionCommand> chunk = new ArrayList<>(CHUNK);
            List<Map<String, Object>> flagged = new ArrayList<>();
            for (Proposable p : proposable) {
                DuplicateCheck.Candidates found =
                        candidates.getOrDefault(p.questionId(), DuplicateCheck.Candidates.NONE);
                chunk.add(new ProposeQuestionCommand(
                        p.questionId(),
                        p.proposalId(),
                        p.text(),
                        p.tags(),
                        new SourceRef(source, p.item().line(), importId),
                        listId,
                        found.candidates()));
                if (chunk.size() == CHUNK) {
                    dispatcher.sendAndWait(new ProposeQuestionsCommand(chunk));
                    chunk.clear();
                }
                proposalIds.add(p.proposalId());
                if (found.likelyDuplicate()) {
                    flagged.add(flag(p, found.candidates().get(0)));
                }
            }
            if (!chunk.isEmpty()) {
                dispatcher.sendAndWait(new ProposeQuestionsCommand(chunk));
            }
            Proposable last = proposable.get(proposable.size() - 1);
            long position = dispatcher.positionOf(last.questionId(), last.proposalId(), listId);

            Map<String, Object> body = new LinkedHashMap<>();
            body.put("importId", importId);
            body.put("listId", listId);
            body.put("list", listName);
            body.put("source", source);
            body.put("proposed", proposalIds.size());
            body.put("duplicatesFlagged", flagged.size());
            body.put("flagged", flagged);
            body.put("rejected", rejected);
            body.put("proposalIds", proposalIds);
            body.put("alreadyImported", false);
            body.put("position", position);
            records.complete(contentSha256, listId.value(), write(body));
            return new Outcome(false, position, body);
        } catch (RuntimeException e) {
            // Only a failure before the first proposal leaves nothing behind; one midway (the event store went
            // down) leaves the proposals made so far pending, and a retry proposes the document again.
            records.release(contentSha256);
            throw e;
        }
    }

    /**
     * The same content again: nothing new is proposed, and the answer says so ({@code proposed} 0) while naming what
     * the first import did under {@code earlier}. Asking for another list than the first import's is refused rather
     * than answered with the first list as if it were the one asked for.
     */
    private Outcome repeated(ImportRecords.Earlier earlier, String requestedList) {
        if (earlier.answer() == null) {
            throw new IllegalStateException("this document is being imported right now (import " + earlier.importId()
                    + "); it is imported once");
        }
        Map<String, Object> first = read(earlier.answer());
        String firstList = String.valueOf(first.get("listId"));
        if (requestedList != null
                && !lists.find(requestedList)
                        .map(id -> id.value().toString().equals(firstList))
                        .orElse(false)) {
            throw new IllegalStateException("this document was imported before (import " + earlier.importId()
                    + ") into another list, where its questions are proposed; it is imported once. To show them in '"
                    + requestedList + "', add them to that list");
        }
        Map<String, Object> body = new LinkedHashMap<>(first);
        body.put("proposed", 0);
        body.put("duplicatesFlagged", 0);
        body.put("flagged", List.of());
        body.put("proposalIds", List.of());
        body.put("alreadyImported", true);
        Map<String, Object> earlierImport = new LinkedHashMap<>();
        earlierImport.put("importId", earlier.importId());
        earlierImport.put("at", earlier.at().toString());
        earlierImport.put("listId", first.get("listId"));
        body.put("earlierImport", earlierImport);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("proposed", first.get("proposed"));
        before.put("duplicatesFlagged", first.get("duplicatesFlagged"));
        before.put("proposalIds", first.get("proposalIds"));
        body.put("earlier", before);
        Object position = first.get("position");
        return new Outcome(true, position instanceof Number n ? n.longValue() : 0, body);
    }

    /** A flagged item and the question it most resembles (in the bank, or earlier in the same document). */
    private static Map<String, Object> flag(Proposable p, DuplicateCandidate closest) {
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("questionId", closest.questionId());
        match.put("text", closest.text());
        match.put("score", closest.score());
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("line", p.item().line());
        flag.put("text", p.text());
        flag.put("proposalId", p.proposalId());
        flag.put("closest", match);
        return flag;
    }

    /** A finished import's answer, as it was given (so an outcome page can be shared and reloaded), and when it ran. */
    Optional<Map<String, Object>> answerOf(UUID importId) {
        return records.answerOf(importId).map(finished -> {
            Map<String, Object> body = read(finished.answer());
            body.put("importedAt", finished.at().toString());
            return body;
        });
    }

    private Map<String, Object> read(String answer) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = json.readValue(answer, LinkedHashMap.class);
            return body;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import answer cannot be read", e);
        }
    }

    private CuratedListId findOrCreateList(String name, String source) {
        var existing = lists.find(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        CuratedListId listId = CuratedListId.random();
        try {
            dispatcher.sendAndWait(new CreateCuratedListCommand(listId, name, name, "Imported from " + source));
            return listId;
        } catch (RuntimeException e) {
            // another import may have created it in the meantime
            return lists.find(name).orElseThrow(() -> e);
        }
    }

    /** Heading tags the bank would refuse (too long, too many) are dropped rather than failing the question. */
    private static List<String> validTags(List<String> tags) {
        List<String> valid = new ArrayList<>();
        for (String tag : tags) {
            try {
                String normalised = Tags.normalise(tag);
                if (!valid.contains(normalised) && valid.size() < Tags.MAX_TAGS) {
                    valid.add(normalised);
                }
            } catch (IllegalArgumentException e) {
                // not a valid tag; the question stays
            }
        }
        return valid;
    }

    private static Map<String, Object> rejection(int line, String text, String reason) {
        Map<String, Object> rejection = new LinkedHashMap<>();
        rejection.put("line", line);
        rejection.put("text", text);
        rejection.put("reason", reason);
        return rejection;
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
