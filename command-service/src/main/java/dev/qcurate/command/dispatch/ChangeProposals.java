package dev.qcurate.command.dispatch;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.proposal.SubmitProposalCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

/**
 * How an editor's change to questions, lists or tags is asked for over HTTP: as a new proposal, answered 202 Accepted
 * with the proposal's id and position. Nothing changes before a reviewer approves it.
 */
public final class ChangeProposals {

    private ChangeProposals() {}

    public static ResponseEntity<Map<String, Object>> submit(CommandDispatcher dispatcher, ProposedChange change) {
        var proposalId = ProposalId.random();
        var sent = dispatcher.send(new SubmitProposalCommand(proposalId, change, List.of()), proposalId);
        return PositionHeader.answer(HttpStatus.ACCEPTED, sent, Map.of("proposalId", proposalId));
    }
}
