package dev.qcurate.shared.question;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Objects;

/**
 * A question was proposed (status PROPOSED, revision 1) under the given proposal.
 *
 * <p>Revision 2 added {@code language}, a BCP 47 tag or {@value #UNDETERMINED} when not known. Revision-1 events
 * (without it) are upcast to {@value #UNDETERMINED} on both sides: by an Axon upcaster when read from the event store,
 * and by the query service's upcaster chain when read from the topic.
 */
@Revision("2")
public record QuestionProposedEvent(
        QuestionId questionId,
        ProposalId proposalId,
        String text,
        List<String> tags,
        SourceRef source,
        String proposedBy,
        String language)
        implements QuestionEvent {

    /** BCP 47 for "undetermined": the language of questions proposed before revision 2. */
    public static final String UNDETERMINED = "und";

    public QuestionProposedEvent {
        Objects.requireNonNull(language, "language (upcast revision-1 events before reading them)");
    }

    /** A proposal whose language nobody stated. */
    public QuestionProposedEvent(
            QuestionId questionId,
            ProposalId proposalId,
            String text,
            List<String> tags,
            SourceRef source,
            String proposedBy) {
        this(questionId, proposalId, text, tags, source, proposedBy, UNDETERMINED);
    }

    @Override
    public <R> R accept(QuestionEvent.Visitor<R> visitor) {
        return visitor.proposed(this);
    }
}
