package dev.qcurate.query.proposal;

import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.QuestionId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which question and list a proposal's row names, for each kind of change. */
class ProposalSubjectTest {

    private final QuestionId q = QuestionId.random();
    private final QuestionId target = QuestionId.random();
    private final CuratedListId list = CuratedListId.random();

    @Test
    void aMergeIsAboutItsSourceNotItsTarget() {
        assertThat(ProposalSubject.of(new ProposedChange.Merge(q, target, 1, 2)))
                .isEqualTo(new ProposalSubject(q.value(), null));
    }

    @Test
    void listChangesNameTheirQuestionAndList() {
        assertThat(ProposalSubject.of(new ProposedChange.ListEntryMove(list, q, 0)))
                .isEqualTo(new ProposalSubject(q.value(), list.value()));
        assertThat(ProposalSubject.of(new ProposedChange.NewQuestion(q, "Why?", List.of(), null, list)))
                .isEqualTo(new ProposalSubject(q.value(), list.value()));
        assertThat(ProposalSubject.of(new ProposedChange.NewQuestion(q, "Why?", List.of(), null, null)))
                .isEqualTo(new ProposalSubject(q.value(), null));
    }

    @Test
    void aTagRenameIsAboutNoQuestion() {
        assertThat(ProposalSubject.of(new ProposedChange.TagRename(List.of("a"), "b")))
                .isEqualTo(new ProposalSubject(null, null));
    }
}
