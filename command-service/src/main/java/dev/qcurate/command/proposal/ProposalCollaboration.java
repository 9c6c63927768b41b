package dev.qcurate.command.proposal;

import dev.qcurate.shared.proposal.AmendProposalCommand;
import dev.qcurate.shared.proposal.ClaimProposalCommand;
import dev.qcurate.shared.proposal.CommentOnProposalCommand;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.proposal.ReleaseProposalClaimCommand;
import dev.qcurate.shared.proposal.RequestProposalChangesCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Working on a proposal before it is decided: claims, the conversation, sending it back and amending it. The rules
 * are the {@link Proposal}'s; this only loads it and, for an amendment, validates the new change like a submission.
 */
@Component
class ProposalCollaboration {

    private final Repository<Proposal> proposals;
    private final ProposalSubmissions submissions;
    private final ClaimPolicy claims;

    ProposalCollaboration(Repository<Proposal> proposals, ProposalSubmissions submissions, ClaimPolicy claims) {
        this.proposals = proposals;
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
        ProposedChange amended = submissions.validated(Amendments.of(proposal.invoke(Proposal::change), command));
        proposal.execute(p -> p.amend(proposer, amended));
    }

    private Aggregate<Proposal> load(String id) {
        return proposals.load(id);
    }
}
