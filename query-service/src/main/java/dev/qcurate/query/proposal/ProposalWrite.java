package dev.qcurate.query.proposal;

import dev.qcurate.shared.proposal.ProposalStatus;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import dev.qcurate.shared.proposal.ProposedChange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step of what a batch of proposal events writes, as {@link ProposalBatch} plans it: plain data, handed to
 * {@link ProposalStore} in order.
 */
sealed interface ProposalWrite {

    void writeTo(ProposalStore store);

    /** Proposals submitted in the batch, each with what the rest of the batch did to it. */
    record Inserts(List<NewProposal> rows) implements ProposalWrite {
        @Override
        public void writeTo(ProposalStore store) {
            store.insert(rows);
        }
    }

    /** Approvals of proposals submitted before the batch; each ends its reviewer's claim. */
    record Approvals(List<Approval> approvals) implements ProposalWrite {
        @Override
        public void writeTo(ProposalStore store) {
            store.approve(approvals);
        }
    }

    /** Decisions on proposals submitted before the batch. */
    record Decisions(List<Decision> decisions) implements ProposalWrite {
        @Override
        public void writeTo(ProposalStore store) {
            store.decide(decisions);
        }
    }

    /** A reviewer claims the proposal until {@code expiresAt}; a null reviewer releases the claim. */
    record Claim(UUID proposalId, String reviewer, Instant expiresAt) implements ProposalWrite {
        @Override
        public void writeTo(ProposalStore store) {
            store.claim(this);
        }
    }

    /** A comment in the proposal's conversation; a request for changes also sends the proposal back. */
    record Comment(UUID proposalId, long position, CommentKind kind, String author, String text, Instant at)
            implements ProposalWrite {
        @Override
        public void writeTo(ProposalStore store) {
            store.comment(this);
        }
    }

    /** The proposer's new revision of the change: the old one is kept, approvals start again. */
    record Amendment(UUID proposalId, int revision, String amendedBy, ProposedChange change, Instant at)
            implements ProposalWrite {
        @Override
        public void writeTo(ProposalStore store) {
            store.amend(this);
        }
    }

    enum CommentKind {
        COMMENT,
        CHANGES_REQUESTED
    }

    record NewProposal(
            ProposalSubmittedEvent event,
            ProposalStatus status,
            List<String> approvers,
            String decidedBy,
            String reason,
            Instant createdAt,
            Instant decidedAt) {}

    record Approval(UUID proposalId, String reviewer) {}

    record Decision(UUID proposalId, ProposalStatus status, String reviewer, String reason, Instant at) {}
}
