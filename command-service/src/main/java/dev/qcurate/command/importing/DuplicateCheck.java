package dev.qcurate.command.importing;

import dev.qcurate.shared.proposal.DuplicateCandidate;
import dev.qcurate.shared.question.QuestionId;

import java.util.List;
import java.util.Map;

/** Finds, for each item of an import, the questions it may duplicate: in the bank and among the items before it. */
interface DuplicateCheck {

    /**
     * Checks against everything committed before the call: the query side is asked to have indexed the event store's
     * head first, so a document imported right after another sees the other's questions.
     *
     * @param items in document order, each under the id its question will get
     * @return per item its candidates, best first, and whether the query side flags it as a likely duplicate
     * @throws DuplicateCheckUnavailableException when the check cannot be made; nothing must be proposed then
     */
    Map<QuestionId, Candidates> check(List<Item> items);

    record Item(QuestionId id, String text) {}

    record Candidates(List<DuplicateCandidate> candidates, boolean likelyDuplicate) {

        static final Candidates NONE = new Candidates(List.of(), false);
    }
}
