package dev.qcurate.command.tag;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.tag.TagsRenamedEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The bank's one tag vocabulary: every rename and merge, and the synonyms they leave. A single aggregate, because the
 * synonym rules span all tags; it is loaded only by rename proposals (tagging reads the synonyms from
 * {@link TagIndex}), so it never serialises ordinary commands. Created by the first rename.
 */
@Aggregate
public class TagVocabulary {

    public static final String ID = "tag-vocabulary";

    @AggregateIdentifier
    private String id;

    private TagSynonymMap synonyms;

    protected TagVocabulary() {
        // for Axon
    }

    TagVocabulary(List<String> from, String to, ProposalId proposalId) {
        TagSynonymMap.EMPTY.checkRename(from, to);
        apply(new TagsRenamedEvent(proposalId, List.copyOf(from), to));
    }

    void rename(List<String> from, String to, ProposalId proposalId) {
        synonyms.checkRename(from, to);
        apply(new TagsRenamedEvent(proposalId, List.copyOf(from), to));
    }

    void checkRename(List<String> from, String to) {
        synonyms.checkRename(from, to);
    }

    @EventSourcingHandler
    void on(TagsRenamedEvent event) {
        if (id == null) {
            id = ID;
            synonyms = TagSynonymMap.EMPTY;
        }
        synonyms = synonyms.renamed(event.from(), event.to());
    }
}
