package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A question was proposed (status PROPOSED, revision 1) under the given proposal. */
@Revision("1")
public record QuestionProposedEvent(QuestionId questionId, ProposalId proposalId, String text, List<String> tags, SourceRef source, String proposedBy) {
}
