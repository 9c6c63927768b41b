package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A merge was undone: the source question (this aggregate) is ACTIVE again, with the text and tags it had before. */
@Revision("1")
public record QuestionUnmergedEvent(
        QuestionId questionId,
        QuestionId formerTargetId,
        ProposalId proposalId,
        int revision,
        String text,
        List<String> tags)
        implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.unmerged(this);
    }
}
