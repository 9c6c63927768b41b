package dev.qcurate.shared;

import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.CuratedListEvent;
import dev.qcurate.shared.curatedlist.ListEntryAddedEvent;
import dev.qcurate.shared.curatedlist.ListEntryMovedEvent;
import dev.qcurate.shared.curatedlist.ListEntryRemovedEvent;
import dev.qcurate.shared.curatedlist.ListReleasedEvent;
import dev.qcurate.shared.proposal.ProposalAmendedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.proposal.ProposalApprovalRecordedEvent;
import dev.qcurate.shared.proposal.ProposalChangesRequestedEvent;
import dev.qcurate.shared.proposal.ProposalClaimReleasedEvent;
import dev.qcurate.shared.proposal.ProposalClaimedEvent;
import dev.qcurate.shared.proposal.ProposalCommentedEvent;
import dev.qcurate.shared.proposal.ProposalEvent;
import dev.qcurate.shared.proposal.ProposalMarkedStaleEvent;
import dev.qcurate.shared.proposal.ProposalRejectedEvent;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.DuplicateReleasedEvent;
import dev.qcurate.shared.question.ProposedQuestionAmendedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionEvent;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRejectedEvent;
import dev.qcurate.shared.question.QuestionRetiredEvent;
import dev.qcurate.shared.question.QuestionRevertedEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import dev.qcurate.shared.question.QuestionUnmergedEvent;
import dev.qcurate.shared.tag.TagEvent;
import dev.qcurate.shared.tag.TagsRenamedEvent;
import dev.qcurate.shared.user.UserDisabledEvent;
import dev.qcurate.shared.user.UserEnabledEvent;
import dev.qcurate.shared.user.UserEvent;
import dev.qcurate.shared.user.UserPasswordResetEvent;
import dev.qcurate.shared.user.UserRegisteredEvent;
import dev.qcurate.shared.user.UserRolesChangedEvent;

/** Visitors that name the type they were called for, written out method by method. */
final class Names {

    private Names() {}

    static final QuestionEvent.Visitor<String> QUESTION = new QuestionEvent.Visitor<>() {
        @Override
        public String proposed(QuestionProposedEvent e) {
            return "QuestionProposedEvent";
        }

        @Override
        public String accepted(QuestionAcceptedEvent e) {
            return "QuestionAcceptedEvent";
        }

        @Override
        public String rejected(QuestionRejectedEvent e) {
            return "QuestionRejectedEvent";
        }

        @Override
        public String reworded(QuestionRewordedEvent e) {
            return "QuestionRewordedEvent";
        }

        @Override
        public String tagsChanged(QuestionTagsChangedEvent e) {
            return "QuestionTagsChangedEvent";
        }

        @Override
        public String reverted(QuestionRevertedEvent e) {
            return "QuestionRevertedEvent";
        }

        @Override
        public String proposalAmended(ProposedQuestionAmendedEvent e) {
            return "ProposedQuestionAmendedEvent";
        }

        @Override
        public String retired(QuestionRetiredEvent e) {
            return "QuestionRetiredEvent";
        }

        @Override
        public String merged(QuestionMergedEvent e) {
            return "QuestionMergedEvent";
        }

        @Override
        public String absorbed(DuplicateAbsorbedEvent e) {
            return "DuplicateAbsorbedEvent";
        }

        @Override
        public String unmerged(QuestionUnmergedEvent e) {
            return "QuestionUnmergedEvent";
        }

        @Override
        public String released(DuplicateReleasedEvent e) {
            return "DuplicateReleasedEvent";
        }
    };

    static final ProposalEvent.Visitor<String> PROPOSAL = new ProposalEvent.Visitor<>() {
        @Override
        public String submitted(ProposalSubmittedEvent e) {
            return "ProposalSubmittedEvent";
        }

        @Override
        public String amended(ProposalAmendedEvent e) {
            return "ProposalAmendedEvent";
        }

        @Override
        public String claimed(ProposalClaimedEvent e) {
            return "ProposalClaimedEvent";
        }

        @Override
        public String claimReleased(ProposalClaimReleasedEvent e) {
            return "ProposalClaimReleasedEvent";
        }

        @Override
        public String commented(ProposalCommentedEvent e) {
            return "ProposalCommentedEvent";
        }

        @Override
        public String changesRequested(ProposalChangesRequestedEvent e) {
            return "ProposalChangesRequestedEvent";
        }

        @Override
        public String approvalRecorded(ProposalApprovalRecordedEvent e) {
            return "ProposalApprovalRecordedEvent";
        }

        @Override
        public String applied(ProposalAppliedEvent e) {
            return "ProposalAppliedEvent";
        }

        @Override
        public String rejected(ProposalRejectedEvent e) {
            return "ProposalRejectedEvent";
        }

        @Override
        public String markedStale(ProposalMarkedStaleEvent e) {
            return "ProposalMarkedStaleEvent";
        }
    };

    static final CuratedListEvent.Visitor<String> LIST = new CuratedListEvent.Visitor<>() {
        @Override
        public String created(CuratedListCreatedEvent e) {
            return "CuratedListCreatedEvent";
        }

        @Override
        public String entryAdded(ListEntryAddedEvent e) {
            return "ListEntryAddedEvent";
        }

        @Override
        public String entryMoved(ListEntryMovedEvent e) {
            return "ListEntryMovedEvent";
        }

        @Override
        public String entryRemoved(ListEntryRemovedEvent e) {
            return "ListEntryRemovedEvent";
        }

        @Override
        public String released(ListReleasedEvent e) {
            return "ListReleasedEvent";
        }
    };

    static final UserEvent.Visitor<String> USER = new UserEvent.Visitor<>() {
        @Override
        public String registered(UserRegisteredEvent e) {
            return "UserRegisteredEvent";
        }

        @Override
        public String rolesChanged(UserRolesChangedEvent e) {
            return "UserRolesChangedEvent";
        }

        @Override
        public String disabled(UserDisabledEvent e) {
            return "UserDisabledEvent";
        }

        @Override
        public String enabled(UserEnabledEvent e) {
            return "UserEnabledEvent";
        }

        @Override
        public String passwordReset(UserPasswordResetEvent e) {
            return "UserPasswordResetEvent";
        }
    };

    static final TagEvent.Visitor<String> TAG = new TagEvent.Visitor<>() {
        @Override
        public String renamed(TagsRenamedEvent e) {
            return "TagsRenamedEvent";
        }
    };

    static final ProposedChange.Visitor<String> CHANGE = new ProposedChange.Visitor<>() {
        @Override
        public String newQuestion(ProposedChange.NewQuestion e) {
            return "NewQuestion";
        }

        @Override
        public String rewording(ProposedChange.Rewording e) {
            return "Rewording";
        }

        @Override
        public String tagChange(ProposedChange.TagChange e) {
            return "TagChange";
        }

        @Override
        public String retirement(ProposedChange.Retirement e) {
            return "Retirement";
        }

        @Override
        public String merge(ProposedChange.Merge e) {
            return "Merge";
        }

        @Override
        public String unmerge(ProposedChange.Unmerge e) {
            return "Unmerge";
        }

        @Override
        public String listEntryAddition(ProposedChange.ListEntryAddition e) {
            return "ListEntryAddition";
        }

        @Override
        public String listEntryRemoval(ProposedChange.ListEntryRemoval e) {
            return "ListEntryRemoval";
        }

        @Override
        public String listEntryMove(ProposedChange.ListEntryMove e) {
            return "ListEntryMove";
        }

        @Override
        public String tagRename(ProposedChange.TagRename e) {
            return "TagRename";
        }

        @Override
        public String revert(ProposedChange.Revert e) {
            return "Revert";
        }
    };
}
