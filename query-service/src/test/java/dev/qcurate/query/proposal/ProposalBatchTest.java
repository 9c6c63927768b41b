package dev.qcurate.query.proposal;

import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.query.proposal.ProposalWrite.Amendment;
import dev.qcurate.query.proposal.ProposalWrite.Approval;
import dev.qcurate.query.proposal.ProposalWrite.Approvals;
import dev.qcurate.query.proposal.ProposalWrite.Claim;
import dev.qcurate.query.proposal.ProposalWrite.Comment;
import dev.qcurate.query.proposal.ProposalWrite.CommentKind;
import dev.qcurate.query.proposal.ProposalWrite.Decision;
import dev.qcurate.query.proposal.ProposalWrite.Decisions;
import dev.qcurate.query.proposal.ProposalWrite.Inserts;
import dev.qcurate.shared.proposal.ProposalAmendedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.proposal.ProposalApprovalRecordedEvent;
import dev.qcurate.shared.proposal.ProposalChangesRequestedEvent;
import dev.qcurate.shared.proposal.ProposalClaimReleasedEvent;
import dev.qcurate.shared.proposal.ProposalClaimedEvent;
import dev.qcurate.shared.proposal.ProposalCommentedEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposalMarkedStaleEvent;
import dev.qcurate.shared.proposal.ProposalRejectedEvent;
import dev.qcurate.shared.proposal.ProposalStatus;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.QuestionId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What a batch of proposal events writes to the review queue, planned without a database. */
class ProposalBatchTest {

    private final QuestionId question = QuestionId.random();
    private final ProposalId p = ProposalId.random();
    private final ProposalId earlier = ProposalId.random();
    private final ProposalBatch batch = new ProposalBatch();
    private long position;

    @Test
    void aProposalSubmittedApprovedAndAppliedInOneBatchIsInsertedOnceAsDecided() {
        apply(submitted(p), new ProposalApprovalRecordedEvent(p, "rev", 1, 1), new ProposalAppliedEvent(p, "rev"));

        assertThat(batch.writes())
                .singleElement()
                .isInstanceOfSatisfying(
                        Inserts.class,
                        inserts -> assertThat(inserts.rows()).singleElement().satisfies(row -> {
                            assertThat(row.event().proposalId()).isEqualTo(p);
                            assertThat(row.status()).isEqualTo(ProposalStatus.APPROVED);
                            assertThat(row.approvers()).containsExactly("rev");
                            assertThat(row.decidedBy()).isEqualTo("rev");
                            assertThat(row.createdAt()).isEqualTo(Instant.ofEpochSecond(1));
                            assertThat(row.decidedAt()).isEqualTo(Instant.ofEpochSecond(3));
                        }));
    }

    @Test
    void proposalsFromEarlierBatchesGetBatchedApprovalsAndDecisionsInEventOrder() {
        ProposalId third = ProposalId.random();
        apply(
                new ProposalApprovalRecordedEvent(earlier, "rev", 1, 2),
                new ProposalRejectedEvent(third, "rev", "off topic"),
                new ProposalMarkedStaleEvent(earlier, "rev2", 3, 5));

        assertThat(batch.writes())
                .containsExactly(
                        new Approvals(List.of(new Approval(earlier.value(), "rev"))),
                        new Decisions(List.of(
                                new Decision(
                                        third.value(),
                                        ProposalStatus.REJECTED,
                                        "rev",
                                        "off topic",
                                        Instant.ofEpochSecond(2)),
                                new Decision(
                                        earlier.value(),
                                        ProposalStatus.STALE,
                                        "rev2",
                                        "made against revision 3, but the question is at revision 5",
                                        Instant.ofEpochSecond(3)))));
    }

    @Test
    void collaborationEventsAreWrittenAfterWhatCameBeforeThemAndBeforeWhatFollows() {
        Instant expires = Instant.parse("2026-12-01T10:00:00Z");
        apply(
                submitted(p),
                new ProposalClaimedEvent(p, "rev", expires, null),
                new ProposalApprovalRecordedEvent(p, "rev", 1, 2),
                new ProposalClaimReleasedEvent(earlier, "rev"));

        List<ProposalWrite> writes = batch.writes();

        assertThat(writes).hasSize(4);
        assertThat(writes.get(0)).isInstanceOf(Inserts.class);
        assertThat(writes.get(1)).isEqualTo(new Claim(p.value(), "rev", expires));
        // the proposal is in the table by now: its approval is an update, not part of the insert
        assertThat(writes.get(2)).isEqualTo(new Approvals(List.of(new Approval(p.value(), "rev"))));
        assertThat(writes.get(3)).isEqualTo(new Claim(earlier.value(), null, null));
        assertThat(((Inserts) writes.get(0)).rows().get(0).approvers()).isEmpty();
    }

    @Test
    void commentsAndRequestsForChangesKeepTheirPositionAndKind() {
        apply(
                new ProposalCommentedEvent(earlier, "ed", "Why *this* wording?"),
                new ProposalChangesRequestedEvent(earlier, "rev", "Shorter, please."));

        assertThat(batch.writes())
                .containsExactly(
                        new Comment(
                                earlier.value(),
                                1,
                                CommentKind.COMMENT,
                                "ed",
                                "Why *this* wording?",
                                Instant.ofEpochSecond(1)),
                        new Comment(
                                earlier.value(),
                                2,
                                CommentKind.CHANGES_REQUESTED,
                                "rev",
                                "Shorter, please.",
                                Instant.ofEpochSecond(2)));
    }

    @Test
    void anAmendmentFollowsTheApprovalItClears() {
        ProposedChange change = new ProposedChange.Rewording(question, "Shorter?", 2);
        apply(
                new ProposalApprovalRecordedEvent(earlier, "rev", 1, 2),
                new ProposalAmendedEvent(earlier, "ed", 2, change));

        assertThat(batch.writes())
                .containsExactly(
                        new Approvals(List.of(new Approval(earlier.value(), "rev"))),
                        new Amendment(earlier.value(), 2, "ed", change, Instant.ofEpochSecond(2)));
    }

    @Test
    void eventsOfOtherAggregatesAndAnEmptyBatchWriteNothing() {
        batch.apply(new StoredEvent(1, "not a proposal event", Instant.EPOCH, "ed", null));

        assertThat(batch.writes()).isEmpty();
    }

    @Test
    void aProposalSubmittedTwiceInOneBatchIsRefused() {
        apply(submitted(p));

        assertThatIllegalStateException()
                .isThrownBy(() -> apply(submitted(p)))
                .withMessageContaining("submitted twice");
    }

    private ProposalSubmittedEvent submitted(ProposalId id) {
        return new ProposalSubmittedEvent(id, new ProposedChange.Rewording(question, "New?", 1), "ed", 2, List.of());
    }

    private void apply(Object... payloads) {
        for (Object payload : payloads) {
            position++;
            batch.apply(new StoredEvent(position, payload, Instant.ofEpochSecond(position), "ed", null));
        }
    }
}
