package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * While it is still PROPOSED, the question's proposer amended its proposal: the question now reads {@code text} with
 * the complete, sorted {@code tags}. It stays revision 1 (what an acceptance accepts); the proposal's own revisions
 * are in {@code ProposalAmendedEvent}.
 */
@Revision("1")
public record ProposedQuestionAmendedEvent(
        QuestionId questionId, ProposalId proposalId, String text, List<String> tags, String amendedBy)
        implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.proposalAmended(this);
    }
}
