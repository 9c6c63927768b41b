package dev.qcurate.query.curatedlist;

import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.curatedlist.ListEntryMovedEvent;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListCauseTest {

    private final ProposalId proposal = ProposalId.random();
    private final CuratedListId list = CuratedListId.random();

    @Test
    void namesTheProposalOfEveryEventThatCarriesOne() {
        QuestionId question = QuestionId.random();

        assertThat(ListCause.proposalOf(new QuestionRetiredEvent(question, proposal, 2, "old")))
                .isEqualTo(proposal.value());
        assertThat(ListCause.proposalOf(new ProposalAppliedEvent(proposal, "reviewer")))
                .isEqualTo(proposal.value());
        assertThat(ListCause.proposalOf(new ListEntryMovedEvent(list, question, 0, 1, proposal)))
                .isEqualTo(proposal.value());
    }

    @Test
    void namesNoProposalForAListsCreationItsReleasesOrOtherEvents() {
        assertThat(ListCause.proposalOf(new CuratedListCreatedEvent(list, "python", "Python", "")))
                .isNull();
        assertThat(ListCause.proposalOf(new ListReleasedEvent(list, "v1", 3))).isNull();
        assertThat(ListCause.proposalOf("not an event")).isNull();
    }
}
