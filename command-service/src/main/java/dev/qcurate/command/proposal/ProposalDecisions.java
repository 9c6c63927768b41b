package dev.qcurate.command.proposal;

import dev.qcurate.command.curatedlist.CuratedList;
import dev.qcurate.command.question.Question;
import dev.qcurate.command.question.QuestionText;
import dev.qcurate.command.question.StaleRevisionException;
import dev.qcurate.command.tag.TagCatalogue;
import dev.qcurate.shared.proposal.ApproveProposalCommand;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.proposal.ProposedChange.ListEntryAddition;
import dev.qcurate.shared.proposal.ProposedChange.ListEntryMove;
import dev.qcurate.shared.proposal.ProposedChange.ListEntryRemoval;
import dev.qcurate.shared.proposal.ProposedChange.Merge;
import dev.qcurate.shared.proposal.ProposedChange.NewQuestion;
import dev.qcurate.shared.proposal.ProposedChange.Retirement;
import dev.qcurate.shared.proposal.ProposedChange.Revert;
import dev.qcurate.shared.proposal.ProposedChange.Rewording;
import dev.qcurate.shared.proposal.ProposedChange.TagChange;
import dev.qcurate.shared.proposal.ProposedChange.TagRename;
import dev.qcurate.shared.proposal.ProposedChange.Unmerge;
import dev.qcurate.shared.proposal.RejectProposalCommand;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionStatus;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/**
 * Reviewers' decisions. An approval that completes a proposal applies its change to every aggregate it touches in
 * the same unit of work (one database transaction), so a change is either wholly applied or not at all.
 */
@Component
@RequiredArgsConstructor
class ProposalDecisions {

    private final Repository<Proposal> proposals;
    private final Repository<Question> questions;
    private final Repository<CuratedList> lists;
    private final TagCatalogue tags;

    @CommandHandler
    ApprovalOutcome handle(ApproveProposalCommand command, @MetaDataValue("actor") String reviewer) throws Exception {
        Aggregate<Proposal> proposal = proposals.load(command.proposalId().toString());
        ProposalId proposalId = command.proposalId();
        ProposedChange change = proposal.invoke(Proposal::change);
        String proposer = proposal.invoke(Proposal::proposer);
        try {
            checkNotStale(change);
        } catch (StaleRevisionException stale) {
            proposal.execute(p -> p.checkReviewable(reviewer));
            proposal.execute(p -> p.markStale(reviewer, stale.baseRevision(), stale.currentRevision()));
            return ApprovalOutcome.stale(stale.getMessage());
        }
        boolean complete = proposal.invoke(p -> p.approve(reviewer));
        if (!complete) {
            return ApprovalOutcome.recorded("approval recorded; the proposal needs more approvals");
        }
        apply(change, proposalId, proposer);
        proposal.execute(p -> p.markApplied(reviewer));
        return ApprovalOutcome.applied();
    }

    @CommandHandler
    void handle(RejectProposalCommand command, @MetaDataValue("actor") String reviewer) {
        String reason = ProposalSubmissions.reason(command.reason());
        Aggregate<Proposal> proposal = proposals.load(command.proposalId().toString());
        proposal.execute(p -> p.reject(reviewer, reason));
        if (proposal.invoke(Proposal::change) instanceof NewQuestion c) {
            question(c.questionId()).execute(q -> q.reject(command.proposalId(), reason));
        }
    }

    private void checkNotStale(ProposedChange change) {
        BaseRevision.of(change).ifPresent(base -> requireRevision(base.question(), base.revision()));
    }

    private void requireRevision(QuestionId id, int baseRevision) {
        int current = question(id).invoke(Question::revision);
        if (current != baseRevision) {
            throw new StaleRevisionException(baseRevision, current);
        }
    }

    private void apply(ProposedChange change, ProposalId proposalId, String proposer) throws Exception {
        change.accept(application).run(proposalId, proposer);
    }

    /** A change applied to the aggregates it touches, under its proposal; creating an aggregate may throw. */
    private interface Step {
        void run(ProposalId proposalId, String proposer) throws Exception;
    }

    /** What an approved change does to the aggregates it touches. */
    private final ProposedChange.Visitor<Step> application = new ProposedChange.Visitor<>() {

        @Override
        public Step newQuestion(NewQuestion c) {
            return (proposalId, proposer) -> {
                question(c.questionId()).execute(q -> q.accept(proposalId));
                if (c.listId() != null) {
                    list(c).execute(l -> l.addEntry(c.questionId(), null, proposalId));
                }
            };
        }

        @Override
        public Step rewording(Rewording c) {
            return (proposalId, proposer) -> {
                question(c.questionId())
                        .execute(q -> q.reword(new QuestionText(c.text()), c.baseRevision(), proposalId, proposer));
            };
        }

        @Override
        public Step tagChange(TagChange c) {
            return (proposalId, proposer) -> {
                // a rename approved since the proposal was made may have turned its tags into old names
                var add = tags.current(c.add());
                var remove = tags.current(c.remove());
                question(c.questionId()).execute(q -> q.changeTags(add, remove, c.baseRevision(), proposalId));
            };
        }

        @Override
        public Step tagRename(TagRename c) {
            return (proposalId, proposer) -> {
                for (QuestionId carrier : tags.rename(c, proposalId)) {
                    question(carrier).execute(q -> q.renameTags(c.from(), c.to(), proposalId));
                }
            };
        }

        @Override
        public Step revert(Revert c) {
            return (proposalId, proposer) -> {
                question(c.questionId()).execute(q -> q.revert(c.toRevision(), c.baseRevision(), proposalId, proposer));
            };
        }

        @Override
        public Step retirement(Retirement c) {
            return (proposalId, proposer) -> {
                question(c.questionId()).execute(q -> q.retire(c.reason(), c.baseRevision(), proposalId));
            };
        }

        @Override
        public Step merge(Merge c) {
            return (proposalId, proposer) -> {
                ProposalDecisions.this.merge(c, proposalId);
            };
        }

        @Override
        public Step unmerge(Unmerge c) {
            return (proposalId, proposer) -> {
                QuestionId formerTarget = question(c.sourceId()).invoke(q -> q.unmerge(c.baseRevision(), proposalId));
                question(formerTarget).execute(q -> q.release(c.sourceId(), proposalId));
            };
        }

        @Override
        public Step listEntryAddition(ListEntryAddition c) {
            return (proposalId, proposer) -> {
                lists.load(c.listId().toString()).execute(l -> l.addEntry(c.questionId(), c.index(), proposalId));
            };
        }

        @Override
        public Step listEntryRemoval(ListEntryRemoval c) {
            return (proposalId, proposer) -> {
                lists.load(c.listId().toString()).execute(l -> l.removeEntry(c.questionId(), proposalId));
            };
        }

        @Override
        public Step listEntryMove(ListEntryMove c) {
            return (proposalId, proposer) -> {
                lists.load(c.listId().toString()).execute(l -> l.moveEntry(c.questionId(), c.index(), proposalId));
            };
        }
    };

    /** Follows the target's own merges to the surviving question; a chain that leads back to the source is a cycle. */
    private void merge(Merge change, ProposalId proposalId) {
        Aggregate<Question> source = question(change.sourceId());
        Aggregate<Question> target = question(change.targetId());
        Set<QuestionId> seen = new HashSet<>();
        while (target.invoke(Question::status) == QuestionStatus.MERGED) {
            QuestionId next = target.invoke(Question::mergedInto);
            if (!seen.add(next)) {
                throw new IllegalStateException("merge chain of " + change.targetId() + " loops");
            }
            target = question(next);
        }
        QuestionId survivor = QuestionId.parse(target.identifierAsString());
        Aggregate<Question> survivorAggregate = target;
        if (change.sourceId().equals(survivor)) {
            throw new IllegalStateException(
                    "merging " + change.sourceId() + " into " + change.targetId() + " would create a merge cycle");
        }
        String sourceText = source.invoke(Question::text);
        var sourceTags = source.invoke(Question::tags);
        source.execute(q -> q.mergeInto(survivor, change.sourceRevision(), proposalId));
        survivorAggregate.execute(q -> q.absorb(change.sourceId(), sourceText, sourceTags, proposalId));
    }

    private Aggregate<CuratedList> list(NewQuestion change) {
        return lists.load(change.listId().toString());
    }

    private Aggregate<Question> question(QuestionId id) {
        return questions.load(id.toString());
    }
}
