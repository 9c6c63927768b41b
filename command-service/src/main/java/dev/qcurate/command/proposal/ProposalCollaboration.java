package dev.qcurate.command.proposal;

import dev.qcurate.command.question.Question;
import dev.qcurate.command.question.QuestionText;
import dev.qcurate.shared.proposal.AmendProposalCommand;
import dev.qcurate.shared.proposal.ClaimProposalCommand;
import dev.qcurate.shared.proposal.CommentOnProposalCommand;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.proposal.ProposedChange.NewQuestion;
import dev.qcurate.shared.proposal.ReleaseProposalClaimCommand;
import dev.qcurate.shared.proposal.RequestProposalChangesCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Working on a proposal before it is decided: claims, the conversation, sending it back and amending it. The rules
 * are the {@link Proposal}'s; this only loads it and, for an amendment, validates the new change like a submission
 * (and, for a new question, has its {@link Question} follow).
 */
@Component
class ProposalCollaboration {

    private final Repository<Proposal> proposals;
    private final ProposalSubmissions submissions;
    private final ClaimPolicy claims;
    private final Repository<Question> questions;

    ProposalCollaboration(
            Repository<Proposal> proposals,
            ProposalSubmissions submissions,
            ClaimPolicy claims,
            Repository<Question> questions) {
        this.proposals = proposals;
        this.questions = questions;
        this.submissions = submissions;
        this.claims = claims;
    }

    @CommandHandler
    void handle(ClaimProposalCommand command, @MetaDataValue("actor") String reviewer) {
        load(command.proposalId().toString()).execute(p -> p.claim(reviewer, claims.duration(), command.takeOver()));
    }

    @CommandHandler
    void handle(ReleaseProposalClaimCommand command, @MetaDataValue("actor") String reviewer) {
        load(command.proposalId().toString()).execute(p -> p.release(reviewer));
    }

    @CommandHandler
    void handle(CommentOnProposalCommand command, @MetaDataValue("actor") String author) {
        CommentText text = new CommentText(command.text());
        load(command.proposalId().toString()).execute(p -> p.comment(author, text, command.byReviewer()));
    }

    @CommandHandler
    void handle(RequestProposalChangesCommand command, @MetaDataValue("actor") String reviewer) {
        CommentText comment = new CommentText(command.comment());
        load(command.proposalId().toString()).execute(p -> p.requestChanges(reviewer, comment));
    }

    @CommandHandler
    void handle(AmendProposalCommand command, @MetaDataValue("actor") String proposer) {
        Aggregate<Proposal> proposal = load(command.proposalId().toString());
        proposal.execute(p -> p.checkAmendable(proposer));
        ProposedChange candidate = Amendments.of(proposal.invoke(Proposal::change), command);
        ProposedChange amended = candidate instanceof NewQuestion c
                ? submissions.validatedAmendment(c)
                : submissions.validated(candidate);
        proposal.execute(p -> p.amend(proposer, amended));
        if (amended instanceof NewQuestion c) {
            // the proposed text also lives in the question, which acceptance activates as it then reads
            questions
                    .load(c.questionId().toString())
                    .execute(
                            q -> q.amendProposed(command.proposalId(), new QuestionText(c.text()), c.tags(), proposer));
        }
    }

    private Aggregate<Proposal> load(String id) {
        return proposals.load(id);
    }
}
