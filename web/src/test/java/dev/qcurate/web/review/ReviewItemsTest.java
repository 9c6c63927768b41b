package dev.qcurate.web.review;

import dev.qcurate.web.duplicates.DuplicateCandidate;
import dev.qcurate.web.services.ChangeKind;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewItemsTest {

    private static final UUID QUESTION = UUID.randomUUID();
    private static final UUID TARGET = UUID.randomUUID();

    private final Map<UUID, Question> questions = new HashMap<>();
    private final ReviewItems.Lookup lookup = new ReviewItems.Lookup() {
        @Override
        public Question question(UUID id) {
            return questions.get(id);
        }

        @Override
        public List<DuplicateCandidate> candidates(String text) {
            return List.of(
                    new DuplicateCandidate(QUESTION, "itself", 1.0, true),
                    new DuplicateCandidate(TARGET, "Another: " + text, 0.9, true));
        }

        @Override
        public OptionalDouble similarity(UUID source, UUID target) {
            return target.equals(TARGET) ? OptionalDouble.of(0.734) : OptionalDouble.empty();
        }
    };

    @Test
    void aRewordingIsComparedWithTheTextOfItsBaseRevision() throws Exception {
        questions.put(
                QUESTION,
                new Question(
                        QUESTION,
                        "Latest text",
                        "ACTIVE",
                        3,
                        List.of(),
                        null,
                        List.of(
                                new Question.Step(1, "PROPOSED", "First text", "PROPOSED"),
                                new Question.Step(2, "REWORDED", "Second text", "ACTIVE"),
                                new Question.Step(3, "REWORDED", "Latest text", "ACTIVE"))));

        ReviewItem item = ReviewItems.of(
                proposal(
                        "REWORDING",
                        "editor",
                        "{\"kind\":\"REWORDING\",\"text\":\"Second text, better\",\"baseRevision\":2}"),
                lookup,
                "reviewer");

        assertThat(item.heading()).isEqualTo("Latest text");
        assertThat(item.baseRevision()).isEqualTo(2);
        assertThat(item.textDiff().before()).isEqualTo("Second text");
        assertThat(item.textDiff().inline()).contains("<ins>").contains("better");
        assertThat(item.changedSince()).contains("revision 2", "now at revision 3");
        assertThat(item.own()).isFalse();
        assertThat(item.candidates()).extracting(DuplicateCandidate::questionId).containsExactly(TARGET);
        assertThat(item.likelyDuplicate()).isTrue();
    }

    @Test
    void aTagChangeIsAppliedToTheCurrentTagsAndNeedsNoTextDiff() throws Exception {
        questions.put(QUESTION, new Question(QUESTION, "Text", "ACTIVE", 1, List.of("a", "b"), null, List.of()));

        ReviewItem item = ReviewItems.of(
                proposal(
                        "TAG_CHANGE",
                        "editor",
                        "{\"kind\":\"TAG_CHANGE\",\"add\":[\"c\",\"a\"],\"remove\":[\"b\"],\"baseRevision\":1}"),
                lookup,
                "x");

        assertThat(item.tags().kept()).containsExactly("a");
        assertThat(item.tags().added()).containsExactly("c");
        assertThat(item.tags().removed()).containsExactly("b");
        assertThat(item.textDiff()).isNull();
        assertThat(item.changedSince()).isNull();
    }

    @Test
    void aMergeCarriesBothTextsAndTheRoundedScore() throws Exception {
        questions.put(QUESTION, new Question(QUESTION, "Source", "ACTIVE", 1, List.of(), null, List.of()));
        questions.put(TARGET, new Question(TARGET, "Target", "ACTIVE", 4, List.of(), null, List.of()));

        ReviewItem item = ReviewItems.of(
                proposal(
                        "MERGE",
                        "editor",
                        "{\"kind\":\"MERGE\",\"sourceId\":\"" + QUESTION + "\",\"targetId\":\"" + TARGET
                                + "\",\"sourceRevision\":1,\"targetRevision\":3}"),
                lookup,
                "x");

        assertThat(item.merge()).isEqualTo(new ReviewItem.Merge(QUESTION, "Source", TARGET, "Target", 73));
        assertThat(item.changedSince()).contains("now at revision 4");
    }

    @Test
    void theProposersOwnItemIsMarkedAndAMissingQuestionDoesNotBreakTheItem() throws Exception {
        ReviewItem item = ReviewItems.of(
                proposal("RETIREMENT", "alice", "{\"kind\":\"RETIREMENT\",\"reason\":\"outdated\",\"baseRevision\":1}"),
                lookup,
                "alice");

        assertThat(item.own()).isTrue();
        assertThat(item.heading()).isEqualTo("(question text not found)");
        assertThat(item.detail()).contains("outdated");
        assertThat(item.changedSince()).contains("could not be found");
    }

    @Test
    void listEntriesSayWhereAndUnknownKindsStillShow() throws Exception {
        questions.put(QUESTION, new Question(QUESTION, "Text", "ACTIVE", 1, List.of(), null, List.of()));

        ReviewItem move =
                ReviewItems.of(proposal("LIST_ENTRY", "e", "{\"kind\":\"LIST_ENTRY_MOVE\",\"index\":0}"), lookup, "x");
        ReviewItem unknown = ReviewItems.of(proposal("SPLIT", "e", "{}"), lookup, "x");

        assertThat(move.detail()).isEqualTo("Move this question to position 1 of the list.");
        assertThat(unknown.kind()).isNull();
        assertThat(unknown.kindLabel()).isEqualTo("Change");
        assertThat(unknown.detail()).contains("SPLIT");
    }

    @Test
    void filtersAreReadLenientlyAndMakeTheirOwnUrls() {
        ReviewFilter filter = ReviewFilter.from(
                Map.of("type", "MERGE", "tag", " c++ & more ", "page", "3", "view", "side", "import", "nope"));

        assertThat(filter.kind()).isEqualTo(ChangeKind.MERGE);
        assertThat(filter.importId()).isNull();
        assertThat(filter.ignored()).contains("\"nope\" is not an import id");
        assertThat(filter.url()).isEqualTo("/review?type=MERGE&tag=c%2B%2B%20%26%20more&page=3&view=side");
        assertThat(filter.previousUrl()).isEqualTo("/review?type=MERGE&tag=c%2B%2B%20%26%20more&page=2&view=side");
        assertThat(filter.inlineUrl()).doesNotContain("view=");
        assertThat(filter.kindUrl(ChangeKind.REWORDING))
                .isEqualTo("/review?type=REWORDING&tag=c%2B%2B%20%26%20more&view=side");
    }

    private static Proposal proposal(String type, String proposer, String payload) throws Exception {
        return PendingProposals.of(type, QUESTION, proposer, payload);
    }
}
