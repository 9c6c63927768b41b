package dev.qcurate.command.proposal;

import dev.qcurate.command.curatedlist.CuratedList;
import dev.qcurate.command.question.Question;
import dev.qcurate.command.question.QuestionText;
import dev.qcurate.command.question.RevisionContent;
import dev.qcurate.command.tag.TagCatalogue;
import dev.qcurate.shared.proposal.DuplicateCandidate;
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
import dev.qcurate.shared.proposal.SubmitProposalCommand;
import dev.qcurate.shared.question.ProposeQuestionCommand;
import dev.qcurate.shared.question.ProposeQuestionsCommand;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionStatus;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Turns what editors ask for into proposals, after checking that the change could apply to the current state.
 * Nothing changes for consumers until {@link ProposalDecisions} applies an approved proposal.
 */
@Component
@RequiredArgsConstructor
class ProposalSubmissions {

    static final int MAX_REASON = 1_000;

    private final Repository<Proposal> proposals;
    private final Repository<Question> questions;
    private final Repository<CuratedList> lists;
    private final ReviewPolicy policy;
    private final TagCatalogue tags;

    @CommandHandler
    void handle(ProposeQuestionCommand command, @MetaDataValue("actor") String actor) throws Exception {
        QuestionText text = new QuestionText(command.text());
        if (command.listId() != null) {
            lists.load(command.listId().toString());
        }
        var currentTags = tags.current(command.tags());
        questions.newInstance(() ->
                new Question(command.questionId(), command.proposalId(), text, currentTags, command.source(), actor));
        open(
                command.proposalId(),
                new NewQuestion(command.questionId(), text.value(), currentTags, command.source(), command.listId()),
                actor,
                command.duplicateCandidates());
    }

    /** An import's chunk: the questions are proposed in one unit of work, so one commit serves them all. */
    @CommandHandler
    void handle(ProposeQuestionsCommand command, @MetaDataValue("actor") String actor) throws Exception {
        for (ProposeQuestionCommand question : command.questions()) {
            handle(question, actor);
        }
    }

    @CommandHandler
    void handle(SubmitProposalCommand command, @MetaDataValue("actor") String actor) throws Exception {
        open(command.proposalId(), validated(command.change()), actor, command.duplicateCandidates());
    }

    /** A new proposal of a change already validated, needing the approvals the review policy sets for its type. */
    private void open(ProposalId id, ProposedChange change, String actor, List<DuplicateCandidate> candidates)
            throws Exception {
        proposals.newInstance(
                () -> new Proposal(id, change, actor, policy.requiredApprovals(change.type()), candidates));
    }

    /** The change as it would be stored, or why it cannot apply to the current state; amendments are checked alike. */
    ProposedChange validated(ProposedChange change) {
        return change.accept(validation);
    }

    /** Each kind of change, checked against the current state and normalised as it will be stored. */
    private final ProposedChange.Visitor<ProposedChange> validation = new ProposedChange.Visitor<>() {
        @Override
        public ProposedChange rewording(Rewording c) {
            Question question = active(c.questionId());
            int base = question.baseRevisionFor(c.baseRevision());
            String text = new QuestionText(c.text()).value();
            if (text.equals(question.text())) {
                throw new IllegalArgumentException("the question already has this text");
            }
            return new Rewording(c.questionId(), text, base);
        }

        @Override
        public ProposedChange tagChange(TagChange c) {
            int base = active(c.questionId()).baseRevisionFor(c.baseRevision());
            var add = tags.current(c.add());
            var remove = tags.current(c.remove());
            if (add.isEmpty() && remove.isEmpty()) {
                throw new IllegalArgumentException("a tag change needs tags to add or remove");
            }
            return new TagChange(c.questionId(), add, remove, base);
        }

        @Override
        public ProposedChange retirement(Retirement c) {
            int base = active(c.questionId()).baseRevisionFor(c.baseRevision());
            return new Retirement(c.questionId(), reason(c.reason()), base);
        }

        @Override
        public ProposedChange merge(Merge c) {
            if (c.sourceId().equals(c.targetId())) {
                throw new IllegalArgumentException("a question cannot be merged into itself");
            }
            int base = active(c.sourceId()).baseRevisionFor(c.sourceRevision());
            Question target = load(c.targetId());
            if (target.status() != QuestionStatus.ACTIVE && target.status() != QuestionStatus.MERGED) {
                throw new IllegalStateException(
                        "question " + c.targetId() + " is " + target.status() + " and cannot be a merge target");
            }
            return new Merge(c.sourceId(), c.targetId(), base, target.revision());
        }

        @Override
        public ProposedChange unmerge(Unmerge c) {
            Question source = load(c.sourceId());
            if (source.status() != QuestionStatus.MERGED) {
                throw new IllegalStateException("question " + c.sourceId() + " is " + source.status() + ", not MERGED");
            }
            return new Unmerge(c.sourceId(), source.baseRevisionFor(c.baseRevision()));
        }

        @Override
        public ProposedChange listEntryAddition(ListEntryAddition c) {
            QuestionStatus status = load(c.questionId()).status();
            if (status == QuestionStatus.REJECTED || status == QuestionStatus.RETIRED) {
                throw new IllegalStateException(
                        "question " + c.questionId() + " is " + status + " and cannot be added to a list");
            }
            lists.load(c.listId().toString()).execute(list -> list.checkCanAdd(c.questionId(), c.index()));
            return c;
        }

        @Override
        public ProposedChange listEntryRemoval(ListEntryRemoval c) {
            lists.load(c.listId().toString()).execute(list -> list.requireEntry(c.questionId()));
            return c;
        }

        @Override
        public ProposedChange listEntryMove(ListEntryMove c) {
            lists.load(c.listId().toString()).execute(list -> list.checkCanMove(c.questionId(), c.index()));
            return c;
        }

        @Override
        public ProposedChange tagRename(TagRename c) {
            return tags.validated(c);
        }

        @Override
        public ProposedChange revert(Revert c) {
            Question question = active(c.questionId());
            int base = question.baseRevisionFor(c.baseRevision());
            RevisionContent target = question.revertibleTo(c.toRevision());
            return new Revert(c.questionId(), c.toRevision(), target.text(), target.tags(), base);
        }

        @Override
        public ProposedChange newQuestion(NewQuestion c) {
            throw new IllegalArgumentException("new questions are proposed with their own command");
        }
    };

    /** A new question's amended text and tags, validated like a proposal of it; the question must still be PROPOSED. */
    NewQuestion validatedAmendment(NewQuestion change) {
        Question question = load(change.questionId());
        if (question.status() != QuestionStatus.PROPOSED) {
            throw new IllegalStateException(
                    "question " + change.questionId() + " is " + question.status() + ", no longer PROPOSED");
        }
        String text = new QuestionText(change.text()).value();
        return new NewQuestion(
                change.questionId(), text, tags.current(change.tags()), change.source(), change.listId());
    }

    private Question active(QuestionId id) {
        Question question = load(id);
        if (question.status() != QuestionStatus.ACTIVE) {
            throw new IllegalStateException("question " + id + " is " + question.status() + ", not ACTIVE");
        }
        return question;
    }

    private Question load(QuestionId id) {
        return questions.load(id.toString()).invoke(question -> question);
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason must have at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }
}
