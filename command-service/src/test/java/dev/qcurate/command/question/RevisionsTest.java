package dev.qcurate.command.question;

import dev.qcurate.shared.question.QuestionId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The revision rules on their own; the aggregate fixture tests cover them through the commands. */
class RevisionsTest {

    private final QuestionId id = QuestionId.random();
    private final RevisionContent monad = new RevisionContent("What is a monad?", List.of("fp"));
    private final RevisionContent functor = new RevisionContent("What is a functor?", List.of("fp"));
    private Revisions revisions;

    @BeforeEach
    void atRevisionThree() {
        revisions = new Revisions();
        revisions.revised(1, monad);
        revisions.revised(2, functor);
        revisions.revised(3, monad);
    }

    @Test
    void nextRevisionFollowsTheCurrentOne() {
        assertThat(revisions.current()).isEqualTo(3);
        assertThat(revisions.next()).isEqualTo(4);
    }

    @Test
    void baseRevisionDefaultsToTheCurrentOne() {
        assertThat(revisions.baseFor(0)).isEqualTo(3);
        assertThat(revisions.baseFor(3)).isEqualTo(3);
    }

    @Test
    void baseRevisionAfterTheCurrentOneIsBadInput() {
        assertThatThrownBy(() -> revisions.baseFor(4))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and the current revision 3");
        assertThatThrownBy(() -> revisions.baseFor(-1)).isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baseRevisionBeforeTheCurrentOneIsStale() {
        assertThatThrownBy(() -> revisions.baseFor(2)).isInstanceOfSatisfying(StaleRevisionException.class, e -> {
            assertThat(e.baseRevision()).isEqualTo(2);
            assertThat(e.currentRevision()).isEqualTo(3);
        });
    }

    @Test
    void revertsToAnEarlierRevisionThatShowsSomethingElse() {
        assertThat(revisions.revertibleTo(2, id)).isEqualTo(functor);
    }

    @Test
    void refusesToRevertToWhatIsShownNow() {
        assertThatThrownBy(() -> revisions.revertibleTo(1, id))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would change nothing");
    }

    @Test
    void anAmendmentReplacesWhatTheCurrentRevisionShows() {
        revisions.amended(functor);

        assertThat(revisions.current()).isEqualTo(3);
        assertThatThrownBy(() -> revisions.revertibleTo(2, id)).hasMessageContaining("would change nothing");
        assertThat(revisions.revertibleTo(1, id)).isEqualTo(monad);
    }
}
