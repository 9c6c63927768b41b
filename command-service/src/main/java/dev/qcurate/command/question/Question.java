package dev.qcurate.command.question;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.ProposedQuestionAmendedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRejectedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRevertedEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionStatus;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;
import dev.qcurate.shared.question.SourceRef;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One question and its lifecycle. Changes arrive already approved (see {@code ProposalDecisions}): the methods here
 * check the lifecycle and revision rules and apply the events; the {@code on} handlers only change state. Past 300
 * lines on purpose: an Axon aggregate keeps its decisions and the handlers of its twelve events in one class, and
 * the rules that are not about the lifecycle already live beside it ({@link Revisions}, {@link TagEdit},
 * {@link Tags}).
 */
@Aggregate(cache = "questionCache")
public class Question {

    @AggregateIdentifier
    private QuestionId id;

    private QuestionStatus status;
    private String text;
    private List<String> tags;
    private QuestionId mergedInto;
    /** Per absorbed duplicate: its text (now an alias) and the tags only it brought. */
    private Map<QuestionId, DuplicateAbsorbedEvent> absorbed;
    /** The current revision and what each one showed, for reverts. */
    private Revisions revisions;

    protected Question() {
        // for Axon
    }

    public Question(
            QuestionId id,
            ProposalId proposalId,
            QuestionText text,
            List<String> tags,
            SourceRef source,
            String proposedBy) {
        apply(new QuestionProposedEvent(id, proposalId, text.value(), Tags.normaliseAll(tags), source, proposedBy));
    }

    public void accept(ProposalId proposalId) {
        requireStatus(QuestionStatus.PROPOSED, "accepted");
        apply(new QuestionAcceptedEvent(id, proposalId));
    }

    public void reject(ProposalId proposalId, String reason) {
        requireStatus(QuestionStatus.PROPOSED, "rejected");
        apply(new QuestionRejectedEvent(id, proposalId, reason));
    }

    public void reword(QuestionText newText, int baseRevision, ProposalId proposalId, String proposedBy) {
        requireStatus(QuestionStatus.ACTIVE, "reworded");
        revisions.requireCurrent(baseRevision);
        if (newText.value().equals(text)) {
            throw new IllegalStateException("the question already has this text");
        }
        apply(new QuestionRewordedEvent(id, proposalId, revisions.next(), newText.value(), text, proposedBy));
    }

    public void changeTags(Collection<String> add, Collection<String> remove, int baseRevision, ProposalId proposalId) {
        requireStatus(QuestionStatus.ACTIVE, "re-tagged");
        revisions.requireCurrent(baseRevision);
        TagEdit edit = new TagEdit(tags).add(Tags.normaliseAll(add)).remove(Tags.normaliseAll(remove));
        if (edit.changesNothing()) {
            throw new IllegalStateException("the tag change changes nothing");
        }
        if (edit.after().size() > Tags.MAX_TAGS) {
            throw new IllegalArgumentException("at most " + Tags.MAX_TAGS + " tags per question");
        }
        apply(new QuestionTagsChangedEvent(
                id, proposalId, revisions.next(), edit.added(), edit.removed(), edit.after()));
    }

    /**
     * Replaces the tags in {@code from} that this question carries with {@code to}: its part of a tag rename. Proposed
     * questions are re-tagged too, so they are accepted under the new name.
     */
    public void renameTags(Collection<String> from, String to, ProposalId proposalId) {
        if (status != QuestionStatus.ACTIVE && status != QuestionStatus.PROPOSED) {
            throw new IllegalStateException("question " + id + " is " + status + " and cannot be re-tagged");
        }
        TagEdit edit = new TagEdit(tags).remove(from.stream().sorted().toList());
        if (edit.changesNothing()) {
            throw new IllegalStateException("question " + id + " carries none of the tags " + from);
        }
        edit.add(List.of(to));
        apply(new QuestionTagsChangedEvent(
                id, proposalId, revisions.next(), edit.added(), edit.removed(), edit.after()));
    }

    /** Returns the text and tags to what revision {@code toRevision} showed, as one new revision on top of the current one. */
    public void revert(int toRevision, int baseRevision, ProposalId proposalId, String proposedBy) {
        requireStatus(QuestionStatus.ACTIVE, "reverted");
        revisions.requireCurrent(baseRevision);
        RevisionContent target = revertibleTo(toRevision);
        List<String> added =
                target.tags().stream().filter(tag -> !tags.contains(tag)).toList();
        List<String> removed =
                tags.stream().filter(tag -> !target.tags().contains(tag)).toList();
        apply(new QuestionRevertedEvent(
                id,
                proposalId,
                revisions.next(),
                toRevision,
                target.text(),
                text,
                added,
                removed,
                target.tags(),
                proposedBy));
    }

    /**
     * Replaces what a proposed question says, as its proposer amended the proposal: it stays revision 1, since that is
     * what an acceptance accepts.
     */
    public void amendProposed(ProposalId proposalId, QuestionText newText, List<String> newTags, String amendedBy) {
        requireStatus(QuestionStatus.PROPOSED, "amended");
        List<String> normalised = Tags.normaliseAll(newTags);
        if (newText.value().equals(text) && normalised.equals(tags)) {
            throw new IllegalArgumentException("the amendment changes nothing");
        }
        apply(new ProposedQuestionAmendedEvent(id, proposalId, newText.value(), normalised, amendedBy));
    }

    /** The content of an earlier revision that differs from the current one; bad input otherwise. */
    public RevisionContent revertibleTo(int toRevision) {
        return revisions.revertibleTo(toRevision, id);
    }

    public void retire(String reason, int baseRevision, ProposalId proposalId) {
        requireStatus(QuestionStatus.ACTIVE, "retired");
        revisions.requireCurrent(baseRevision);
        apply(new QuestionRetiredEvent(id, proposalId, revisions.next(), reason));
    }

    /** Marks this question as merged into {@code target}; the target's side is {@link #absorb}. */
    public void mergeInto(QuestionId target, int baseRevision, ProposalId proposalId) {
        requireStatus(QuestionStatus.ACTIVE, "merged");
        revisions.requireCurrent(baseRevision);
        apply(new QuestionMergedEvent(id, target, proposalId, revisions.next()));
    }

    public void absorb(QuestionId source, String sourceText, List<String> sourceTags, ProposalId proposalId) {
        requireStatus(QuestionStatus.ACTIVE, "a merge target");
        TagEdit edit = new TagEdit(tags).add(sourceTags);
        apply(new DuplicateAbsorbedEvent(
                id, source, proposalId, revisions.next(), sourceText, edit.added(), edit.after()));
    }

    /** Undoes {@link #mergeInto}: text and tags were never touched by the merge, so only the status comes back. */
    public QuestionId unmerge(int baseRevision, ProposalId proposalId) {
        requireStatus(QuestionStatus.MERGED, "unmerged");
        revisions.requireCurrent(baseRevision);
        QuestionId formerTarget = mergedInto; // apply() runs the handler at once, which clears mergedInto
        apply(new QuestionUnmergedEvent(id, formerTarget, proposalId, revisions.next(), text, tags));
        return formerTarget;
    }

    /** Gives back what absorbing {@code source} added, keeping whatever changed since that does not conflict. */
    public void release(QuestionId source, ProposalId proposalId) {
        DuplicateAbsorbedEvent absorption = absorbed.get(source);
        if (absorption == null) {
            throw new IllegalStateException("question " + source + " is not merged into " + id);
        }
        TagEdit edit = new TagEdit(tags).remove(absorption.addedTags());
        apply(new DuplicateReleasedEvent(
                id, source, proposalId, revisions.next(), absorption.alias(), edit.removed(), edit.after()));
    }

    public QuestionStatus status() {
        return status;
    }

    public QuestionId mergedInto() {
        return mergedInto;
    }

    public int revision() {
        return revisions.current();
    }

    public String text() {
        return text;
    }

    public List<String> tags() {
        return tags;
    }

    /** The revision a new proposal is made against: see {@link Revisions#baseFor}. */
    public int baseRevisionFor(int baseRevision) {
        return revisions.baseFor(baseRevision);
    }

    private void requireStatus(QuestionStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("question " + id + " is " + status + " and cannot be " + action);
        }
    }

    @EventSourcingHandler
    void on(QuestionProposedEvent event) {
        id = event.questionId();
        status = QuestionStatus.PROPOSED;
        text = event.text();
        tags = event.tags();
        absorbed = new HashMap<>();
        revisions = new Revisions();
        revised(1);
    }

    @EventSourcingHandler
    void on(QuestionAcceptedEvent event) {
        status = QuestionStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(QuestionRejectedEvent event) {
        status = QuestionStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(QuestionRewordedEvent event) {
        text = event.text();
        revised(event.revision());
    }

    @EventSourcingHandler
    void on(QuestionTagsChangedEvent event) {
        tags = event.tags();
        revised(event.revision());
    }

    @EventSourcingHandler
    void on(QuestionRevertedEvent event) {
        text = event.text();
        tags = event.tags();
        revised(event.revision());
    }

    @EventSourcingHandler
    void on(ProposedQuestionAmendedEvent event) {
        text = event.text();
        tags = event.tags();
        revisions.amended(new RevisionContent(text, tags));
    }

    @EventSourcingHandler
    void on(QuestionRetiredEvent event) {
        status = QuestionStatus.RETIRED;
        revised(event.revision());
    }

    @EventSourcingHandler
    void on(QuestionMergedEvent event) {
        status = QuestionStatus.MERGED;
        mergedInto = event.targetId();
        revised(event.revision());
    }

    @EventSourcingHandler
    void on(DuplicateAbsorbedEvent event) {
        absorbed.put(event.sourceId(), event);
        tags = event.tags();
        revised(event.revision());
    }

    @EventSourcingHandler
    void on(QuestionUnmergedEvent event) {
        status = QuestionStatus.ACTIVE;
        mergedInto = null;
        revised(event.revision());
    }

    @EventSourcingHandler
    void on(DuplicateReleasedEvent event) {
        absorbed.remove(event.sourceId());
        tags = event.tags();
        revised(event.revision());
    }

    private void revised(int number) {
        revisions.revised(number, new RevisionContent(text, tags));
    }
}
