package dev.qcurate.query.curatedlist;

import dev.qcurate.query.question.QuestionState;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.ProposedQuestionAmendedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionEvent;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRejectedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRevertedEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionStatus;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The questions a batch can show in lists, as they were before the batch and then after each of its events, and which
 * entries may reach the questions it changes. A chain changes only at questions the batch changes, so only entries
 * whose chain (before the batch) reaches one of them can show something else; chains are followed in memory.
 */
final class MergeChains {

    /** The longest merge chain followed: an entry shows the question at most this many merges away. */
    static final int MAX_CHAIN = 32;

    /** No such question. */
    static final QuestionState MISSING = new QuestionState(null, null, null, 0, List.of(), null);

    /** Lists in the order PostgreSQL sorts uuids, as the projection always refreshed them. */
    static final Comparator<UUID> POSTGRES_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** The questions whose change may alter what a list shows, with the other side of a merge. */
    static final QuestionEvent.Visitor<List<UUID>> TOUCHED = new QuestionEvent.Visitor<>() {
        @Override
        public List<UUID> proposed(QuestionProposedEvent e) {
            return List.of(); // not in any list's view yet: only an acceptance can show it
        }

        @Override
        public List<UUID> accepted(QuestionAcceptedEvent e) {
            return List.of(e.questionId().value());
        }

        @Override
        public List<UUID> rejected(QuestionRejectedEvent e) {
            return List.of(e.questionId().value());
        }

        @Override
        public List<UUID> reworded(QuestionRewordedEvent e) {
            return List.of(e.questionId().value());
        }

        @Override
        public List<UUID> tagsChanged(QuestionTagsChangedEvent e) {
            return List.of(e.questionId().value());
        }

        @Override
        public List<UUID> reverted(QuestionRevertedEvent e) {
            return List.of(e.questionId().value());
        }

        @Override
        public List<UUID> proposalAmended(ProposedQuestionAmendedEvent e) {
            return List.of(e.questionId().value());
        }

        @Override
        public List<UUID> retired(QuestionRetiredEvent e) {
            return List.of(e.questionId().value());
        }

        @Override
        public List<UUID> merged(QuestionMergedEvent e) {
            return List.of(e.questionId().value(), e.targetId().value());
        }

        @Override
        public List<UUID> absorbed(DuplicateAbsorbedEvent e) {
            return List.of(e.questionId().value(), e.sourceId().value());
        }

        @Override
        public List<UUID> unmerged(QuestionUnmergedEvent e) {
            return List.of(e.questionId().value(), e.formerTargetId().value());
        }

        @Override
        public List<UUID> released(DuplicateReleasedEvent e) {
            return List.of(e.questionId().value(), e.sourceId().value());
        }
    };

    private final Map<UUID, QuestionState> questions;
    /** Questions the batch changes, and the questions merged (transitively) into them before the batch. */
    private final Set<UUID> reaching;
    /** For entries that may reach a changed question: the lists holding them. */
    private final Map<UUID, Set<UUID>> candidateEntries;

    /**
     * @param questions every question the batch may look at (with the chains they are merged along), as before it
     * @param reaching the questions the batch changes, and those merged (transitively) into them before it
     * @param candidateEntries the lists holding each entry that is one of {@code reaching}
     */
    MergeChains(Map<UUID, QuestionState> questions, Set<UUID> reaching, Map<UUID, Set<UUID>> candidateEntries) {
        this.questions = new HashMap<>(questions);
        this.reaching = new HashSet<>(reaching);
        this.candidateEntries = new HashMap<>();
        candidateEntries.forEach((entry, lists) -> this.candidateEntries.put(entry, new HashSet<>(lists)));
    }

    /** Follows a question event: the question as the question projection leaves it after the event. */
    void follow(QuestionEvent event) {
        UUID question = event.questionId().value();
        QuestionState before = question(question);
        if (event instanceof QuestionProposedEvent e) {
            questions.put(question, QuestionState.proposed(e));
        } else if (before != MISSING) {
            questions.put(question, before.next(event));
        }
    }

    QuestionState question(UUID id) {
        return questions.getOrDefault(id, MISSING);
    }

    void entryAdded(UUID list, UUID question) {
        candidateEntries.computeIfAbsent(question, key -> new HashSet<>()).add(list);
    }

    void entryRemoved(UUID list, UUID question) {
        Set<UUID> holders = candidateEntries.get(question);
        if (holders != null) {
            holders.remove(list);
        }
    }

    /** Lists with an entry that is one of {@code touched} or merged (transitively) into one of them, in id order. */
    Set<UUID> listsShowing(List<UUID> touched) {
        Set<UUID> found = new TreeSet<>(POSTGRES_ORDER);
        candidateEntries.forEach((entry, holders) -> {
            if (!holders.isEmpty() && reaches(entry, touched)) {
                found.addAll(holders);
            }
        });
        return found;
    }

    private boolean reaches(UUID entry, List<UUID> touched) {
        UUID node = entry;
        for (int depth = 0; depth <= MAX_CHAIN && node != null; depth++) {
            if (touched.contains(node)) {
                return true;
            }
            if (!reaching.contains(node)) {
                return false; // its chain is the one it had before the batch, which reaches no changed question
            }
            node = question(node).mergedInto();
        }
        return false;
    }

    /** The list's entries in order, each resolved to the question it shows (the end of its merge chain). */
    List<ListView.Entry> resolvedEntries(ListState list) {
        List<UUID> entries = list.entriesInOrder();
        List<ListView.Entry> resolved = new ArrayList<>(entries.size());
        for (UUID entry : entries) {
            QuestionState shown = question(entry);
            if (shown == MISSING) {
                continue;
            }
            for (int depth = 0;
                    depth < MAX_CHAIN && shown.is(QuestionStatus.MERGED) && shown.mergedInto() != null;
                    depth++) {
                QuestionState next = question(shown.mergedInto());
                if (next == MISSING) {
                    break;
                }
                shown = next;
            }
            resolved.add(new ListView.Entry(
                    entry,
                    list.entries.get(entry),
                    shown.id(),
                    shown.status(),
                    shown.text(),
                    shown.tags(),
                    shown.revision()));
        }
        return resolved;
    }
}
