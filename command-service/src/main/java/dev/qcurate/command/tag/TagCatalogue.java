package dev.qcurate.command.tag;

import dev.qcurate.command.question.Tags;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposedChange.TagRename;
import dev.qcurate.shared.question.QuestionId;
import lombok.RequiredArgsConstructor;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What proposals need from the tag vocabulary: tags as their current names (an old name lands on the new tag), and
 * renames checked when proposed and applied when approved. A rename touches at most
 * {@value #MAX_QUESTIONS_PER_RENAME} questions, so one approval's transaction stays bounded.
 */
@Component
@RequiredArgsConstructor
public class TagCatalogue {

    public static final int MAX_QUESTIONS_PER_RENAME = 1_000;

    private final Repository<TagVocabulary> vocabulary;
    private final TagIndex index;

    /** The tags normalised, with each old name replaced by the tag it was renamed to; sorted, without repeats. */
    public List<String> current(Collection<String> tags) {
        List<String> normalised = Tags.normaliseAll(tags);
        Map<String, String> renamed = index.currentFor(normalised);
        if (renamed.isEmpty()) {
            return normalised;
        }
        TreeSet<String> current = new TreeSet<>();
        normalised.forEach(tag -> current.add(renamed.getOrDefault(tag, tag)));
        return List.copyOf(current);
    }

    /** The rename in normal form, if the vocabulary allows it and every tag to rename is on some question. */
    public TagRename validated(TagRename change) {
        if (change.from() == null || change.to() == null) {
            throw new IllegalArgumentException("a rename needs 'from' (the tags to rename) and 'to' (the new name)");
        }
        List<String> from = Tags.normaliseAll(change.from());
        String to = Tags.normalise(change.to());
        checkRename(from, to);
        for (String tag : from) {
            if (!index.inUse(tag)) {
                throw new IllegalArgumentException(
                        "unknown tag '" + tag + "': no proposed or active question carries it");
            }
        }
        questionsCarrying(from);
        return new TagRename(from, to);
    }

    /**
     * Records the rename in the vocabulary (its rules checked again: another rename may have been approved since) and
     * answers the questions that must now be re-tagged, in a stable order.
     */
    public List<QuestionId> rename(TagRename change, ProposalId proposalId) throws Exception {
        List<QuestionId> questions = questionsCarrying(change.from());
        try {
            Aggregate<TagVocabulary> existing = vocabulary.load(TagVocabulary.ID);
            existing.execute(v -> v.rename(change.from(), change.to(), proposalId));
        } catch (AggregateNotFoundException first) {
            vocabulary.newInstance(() -> new TagVocabulary(change.from(), change.to(), proposalId));
        }
        return questions;
    }

    private void checkRename(List<String> from, String to) {
        try {
            vocabulary.load(TagVocabulary.ID).execute(v -> v.checkRename(from, to));
        } catch (AggregateNotFoundException noRenameYet) {
            TagSynonymMap.EMPTY.checkRename(from, to);
        }
    }

    private List<QuestionId> questionsCarrying(List<String> from) {
        List<QuestionId> questions = new ArrayList<>(index.questionsCarrying(from, MAX_QUESTIONS_PER_RENAME + 1));
        if (questions.size() > MAX_QUESTIONS_PER_RENAME) {
            throw new IllegalStateException("more than " + MAX_QUESTIONS_PER_RENAME
                    + " questions carry these tags, and one rename changes at most that many");
        }
        return questions;
    }
}
