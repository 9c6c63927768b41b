package dev.qcurate.web.review;

import dev.qcurate.web.duplicates.DuplicateCandidate;
import dev.qcurate.web.services.ChangeKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How the queue shows the two proposal kinds of issue 14: tag renames and merges, and reverts. */
class TagRenameAndRevertItemsTest {

    private static final UUID QUESTION = UUID.randomUUID();

    private final Question current = new Question(
            QUESTION, "What is a Python wrapper?", "ACTIVE", 3, List.of("python", "wrappers"), null, List.of());
    private final ReviewItems.Lookup lookup = new ReviewItems.Lookup() {
        @Override
        public Question question(UUID id) {
            return QUESTION.equals(id) ? current : null;
        }

        @Override
        public List<DuplicateCandidate> candidates(String text) {
            return List.of();
        }

        @Override
        public OptionalDouble similarity(UUID source, UUID target) {
            return OptionalDouble.empty();
        }
    };

    private static Proposal proposal(String type, UUID questionId, String payload) throws Exception {
        return PendingProposals.of(type, questionId, "editor", payload);
    }

    @Test
    void aRevertIsComparedWithTheCurrentTextAndTags() throws Exception {
        ReviewItem item = ReviewItems.of(proposal("REVERT", QUESTION, """
                {"kind":"REVERT","questionId":"%s","toRevision":1,"text":"What is a Python decorator?",
                 "tags":["python"],"baseRevision":3}""".formatted(QUESTION)), lookup, "reviewer");

        assertThat(item.kind()).isEqualTo(ChangeKind.REVERT);
        assertThat(item.kindLabel()).isEqualTo("Revert");
        assertThat(item.heading()).isEqualTo("What is a Python wrapper?");
        assertThat(item.textDiff().before()).contains("wrapper");
        assertThat(item.textDiff().inline())
                .contains("<ins>")
                .contains("decorator")
                .contains("<del>");
        assertThat(item.tags().removed()).containsExactly("wrappers");
        assertThat(item.tags().kept()).containsExactly("python");
        assertThat(item.detail()).isEqualTo("Return this question to revision 1.");
        assertThat(item.changedSince()).isNull();
    }

    @Test
    void aRevertMadeBeforeTheQuestionMovedOnSaysItWillBeStale() throws Exception {
        ReviewItem item = ReviewItems.of(proposal("REVERT", QUESTION, """
                {"kind":"REVERT","toRevision":1,"text":"What is a Python decorator?","tags":["python"],
                 "baseRevision":2}"""), lookup, "reviewer");

        assertThat(item.changedSince()).contains("revision 2", "now at revision 3");
    }

    @Test
    void aTagMergeNamesTheTagsAndWhatBecomesOfThem() throws Exception {
        ReviewItem item = ReviewItems.of(
                proposal(
                        "TAG_RENAME",
                        null,
                        "{\"kind\":\"TAG_RENAME\",\"from\":[\"fp\",\"functional\"],\"to\":\"functional-programming\"}"),
                lookup,
                "reviewer");

        assertThat(item.kindLabel()).isEqualTo("Tag rename");
        assertThat(item.heading()).isEqualTo("Merge tags fp, functional \u2192 functional-programming");
        assertThat(item.tags().removed()).containsExactlyInAnyOrder("fp", "functional");
        assertThat(item.tags().added()).containsExactly("functional-programming");
        assertThat(item.detail()).contains("old names stay as synonyms");
        assertThat(item.own()).isFalse();
    }

    @Test
    void aSingleTagRenameSaysRename() throws Exception {
        ReviewItem item = ReviewItems.of(
                proposal("TAG_RENAME", null, "{\"kind\":\"TAG_RENAME\",\"from\":[\"py\"],\"to\":\"python\"}"),
                lookup,
                "editor");

        assertThat(item.heading()).isEqualTo("Rename tag py \u2192 python");
        assertThat(item.detail()).contains("old name stays as a synonym of python");
        assertThat(item.own()).as("proposed by the viewer").isTrue();
    }
}
