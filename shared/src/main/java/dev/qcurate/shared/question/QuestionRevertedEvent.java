package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The question returned to what revision {@code toRevision} showed, as one new revision {@code revision}: its
 * {@code text} (replacing {@code previousText}) and its complete, sorted {@code tags} ({@code added} and
 * {@code removed} against the tags before).
 */
@Revision("1")
public record QuestionRevertedEvent(
        QuestionId questionId,
        ProposalId proposalId,
        int revision,
        int toRevision,
        String text,
        String previousText,
        List<String> added,
        List<String> removed,
        List<String> tags,
        String proposedBy)
        implements QuestionEvent {
    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.reverted(this);
    }
}
