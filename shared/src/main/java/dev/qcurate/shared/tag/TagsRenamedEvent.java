package dev.qcurate.shared.tag;

import dev.qcurate.shared.proposal.ProposalId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The tags in {@code from} were renamed to {@code to} (several: merged into it) under the given proposal; each of them
 * is from now on a synonym of {@code to}, and so are the synonyms they had. {@code to} itself stops being a synonym
 * (renaming a tag back to an old name). Each question that carried one of them got its own
 * {@code QuestionTagsChangedEvent} in the same transaction.
 */
@Revision("1")
public record TagsRenamedEvent(ProposalId proposalId, List<String> from, String to) implements TagEvent {
    @Override
    public <R> R accept(TagEvent.Visitor<R> visitor) {
        return visitor.renamed(this);
    }
}
