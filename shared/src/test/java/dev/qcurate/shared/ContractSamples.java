package dev.qcurate.shared;

import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.curatedlist.ListEntryAddedEvent;
import dev.qcurate.shared.curatedlist.ListEntryMovedEvent;
import dev.qcurate.shared.curatedlist.ListEntryRemovedEvent;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.proposal.DuplicateCandidate;
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
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import dev.qcurate.shared.proposal.ProposedChange;
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
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;
import dev.qcurate.shared.question.SourceRef;
import dev.qcurate.shared.tag.TagsRenamedEvent;
import dev.qcurate.shared.user.UserDisabledEvent;
import dev.qcurate.shared.user.UserEnabledEvent;
import dev.qcurate.shared.user.UserPasswordResetEvent;
import dev.qcurate.shared.user.UserRegisteredEvent;
import dev.qcurate.shared.user.UserRolesChangedEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One instance of every event and every proposed change of the contract, with fixed values. */
final class ContractSamples {

    private static final QuestionId Q = QuestionId.of(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final QuestionId T = QuestionId.of(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final ProposalId P = ProposalId.of(UUID.fromString("00000000-0000-0000-0000-000000000003"));
    private static final CuratedListId L = CuratedListId.of(UUID.fromString("00000000-0000-0000-0000-000000000004"));
    private static final UUID IMPORT = UUID.fromString("00000000-0000-0000-0000-000000000005");

    private ContractSamples() {}

    static List<ProposedChange> changes() {
        return List.of(
                new ProposedChange.NewQuestion(Q, "What is 2+2?", List.of("math"), new SourceRef("a.md", 3, IMPORT), L),
                new ProposedChange.Rewording(Q, "What is 2 + 2?", 1),
                new ProposedChange.TagChange(Q, List.of("easy"), List.of("math"), 2),
                new ProposedChange.Retirement(Q, "obsolete", 3),
                new ProposedChange.Merge(Q, T, 3, 4),
                new ProposedChange.Unmerge(Q, 5),
                new ProposedChange.ListEntryAddition(L, Q, 0),
                new ProposedChange.ListEntryRemoval(L, Q),
                new ProposedChange.ListEntryMove(L, Q, 2),
                new ProposedChange.TagRename(List.of("maths", "mathematics"), "math"),
                new ProposedChange.Revert(Q, 1, "What is 2+2?", List.of("math"), 6));
    }

    static List<Object> events() {
        ProposedChange change = new ProposedChange.Rewording(Q, "What is 2 + 2?", 1);
        return List.of(
                new QuestionProposedEvent(
                        Q, P, "What is 2+2?", List.of("math"), new SourceRef("a.md", 3, IMPORT), "ed", "en"),
                new QuestionAcceptedEvent(Q, P),
                new QuestionRejectedEvent(Q, P, "off topic"),
                new QuestionRewordedEvent(Q, P, 2, "What is 2 + 2?", "What is 2+2?", "ed"),
                new QuestionTagsChangedEvent(Q, P, 3, List.of("easy"), List.of(), List.of("easy", "math")),
                new QuestionRevertedEvent(
                        Q,
                        P,
                        4,
                        2,
                        "What is 2+2?",
                        "What is two plus two?",
                        List.of("easy"),
                        List.of(),
                        List.of("easy"),
                        "ed"),
                new ProposedQuestionAmendedEvent(Q, P, "What is 2 + 2?", List.of("math"), "ed"),
                new QuestionRetiredEvent(Q, P, 4, "obsolete"),
                new QuestionMergedEvent(Q, T, P, 4),
                new DuplicateAbsorbedEvent(T, Q, P, 5, "What is 2+2?", List.of("easy"), List.of("easy", "math")),
                new QuestionUnmergedEvent(Q, T, P, 5, "What is 2+2?", List.of("math")),
                new DuplicateReleasedEvent(T, Q, P, 6, "What is 2+2?", List.of("easy"), List.of("math")),
                new ProposalSubmittedEvent(P, change, "ed", 2, List.of(new DuplicateCandidate(T, "What's 2+2?", 0.9))),
                new ProposalAmendedEvent(P, "ed", 2, change),
                new ProposalApprovalRecordedEvent(P, "rev", 1, 2),
                new ProposalAppliedEvent(P, "rev"),
                new ProposalRejectedEvent(P, "rev", "no"),
                new ProposalMarkedStaleEvent(P, "rev", 1, 2),
                new ProposalChangesRequestedEvent(P, "rev", "**why?**"),
                new ProposalClaimedEvent(P, "rev", Instant.parse("2026-12-02T03:00:00Z"), "other"),
                new ProposalClaimReleasedEvent(P, "rev"),
                new ProposalCommentedEvent(P, "ed", "ok"),
                new CuratedListCreatedEvent(L, "basics", "Basics", "The basics"),
                new ListEntryAddedEvent(L, Q, 0, P),
                new ListEntryMovedEvent(L, Q, 0, 1, P),
                new ListEntryRemovedEvent(L, Q, P),
                new ListReleasedEvent(L, "v1", 3),
                new TagsRenamedEvent(P, List.of("maths"), "math"),
                new UserRegisteredEvent("ann", List.of("EDITOR")),
                new UserRolesChangedEvent("ann", List.of("REVIEWER"), List.of("EDITOR")),
                new UserDisabledEvent("ann"),
                new UserEnabledEvent("ann"),
                new UserPasswordResetEvent("ann"));
    }
}
