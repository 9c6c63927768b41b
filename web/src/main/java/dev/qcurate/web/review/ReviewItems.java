package dev.qcurate.web.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qcurate.web.diff.TagChange;
import dev.qcurate.web.diff.WordDiff;
import dev.qcurate.web.duplicates.DuplicateCandidate;
import dev.qcurate.web.markdown.Markdown;
import dev.qcurate.web.services.ChangeKind;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

import static dev.qcurate.web.services.JsonValues.strings;
import static dev.qcurate.web.services.JsonValues.uuid;

/** Turns a proposal and the questions it is about into what the queue shows. Pure: the lookups are passed in. */
final class ReviewItems {

    /** What a proposal's item needs from the query service besides the proposal itself. */
    interface Lookup {
        /** The question, or null when the query service has none by that id. */
        Question question(UUID id);

        /** Questions the index finds like {@code text}, best first. */
        List<DuplicateCandidate> candidates(String text);

        /** How alike the index finds two questions, in [0, 1], when it ranks one among the other's candidates. */
        OptionalDouble similarity(UUID source, UUID target);
    }

    private ReviewItems() {}

    static ReviewItem of(Proposal proposal, Lookup lookup, String viewer) {
        JsonNode change = proposal.payload() == null
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : proposal.payload();
        ChangeKind kind = ChangeKind.parse(proposal.type()).orElse(null);
        Builder item = new Builder(proposal, kind, viewer);
        if (kind == null) {
            item.heading = textOf(lookup, proposal.questionId());
            item.detail = "A kind of change this workspace cannot show yet (" + proposal.type() + ").";
            return item.build();
        }
        switch (kind) {
            case NEW_QUESTION -> {
                item.heading = change.path("text").asText("");
                item.tags = TagChange.of(List.of(), strings(change.path("tags")));
                item.source = source(change.path("source"));
            }
            case REWORDING -> {
                Question question = item.madeAgainst(lookup, change);
                String before = question == null ? "" : question.textAt(item.baseRevision);
                item.textDiff = WordDiff.of(before, change.path("text").asText(""));
                // the new wording may say what another question already says
                UUID self = proposal.questionId();
                item.candidates = lookup.candidates(change.path("text").asText("")).stream()
                        .filter(candidate -> !candidate.questionId().equals(self))
                        .toList();
            }
            case TAG_CHANGE -> {
                Question question = item.madeAgainst(lookup, change);
                List<String> now = question == null ? List.of() : question.tags();
                Set<String> after = new LinkedHashSet<>(now);
                strings(change.path("remove")).forEach(after::remove);
                after.addAll(strings(change.path("add")));
                item.tags = TagChange.of(now, after);
            }
            case RETIREMENT -> {
                item.madeAgainst(lookup, change);
                item.detail = "Retire this question. Reason given: "
                        + change.path("reason").asText("(none)");
            }
            case MERGE -> {
                UUID sourceId = uuid(change.path("sourceId"));
                UUID targetId = uuid(change.path("targetId"));
                Question source = sourceId == null ? null : lookup.question(sourceId);
                Question target = targetId == null ? null : lookup.question(targetId);
                OptionalDouble score = sourceId == null || targetId == null
                        ? OptionalDouble.empty()
                        : lookup.similarity(sourceId, targetId);
                item.heading = source == null ? "" : source.text();
                item.baseRevision = change.path("sourceRevision").asInt();
                item.merge = new ReviewItem.Merge(
                        sourceId,
                        source == null ? "(not found)" : source.text(),
                        targetId,
                        target == null ? "(not found)" : target.text(),
                        score.isPresent() ? (int) Math.round(score.getAsDouble() * 100) : null);
                String moved =
                        changedSince(source, change.path("sourceRevision").asInt());
                item.changedSince = moved != null
                        ? moved
                        : changedSince(target, change.path("targetRevision").asInt());
            }
            case UNMERGE -> {
                Question question = item.madeAgainst(lookup, change);
                Question target = question == null || question.mergedInto() == null
                        ? null
                        : lookup.question(question.mergedInto());
                item.detail = target == null
                        ? "Make this question stand on its own again."
                        : "Split this question out of \u201c" + target.text() + "\u201d again.";
            }
            case REVERT -> {
                Question question = item.madeAgainst(lookup, change);
                // against the current text: what approving changes now, not what the old revision changed
                item.textDiff = WordDiff.of(
                        question == null ? "" : question.text(),
                        change.path("text").asText(""));
                item.tags = TagChange.of(question == null ? List.of() : question.tags(), strings(change.path("tags")));
                item.detail = "Return this question to revision "
                        + change.path("toRevision").asInt() + ".";
            }
            case TAG_RENAME -> {
                List<String> from = strings(change.path("from"));
                String to = change.path("to").asText("");
                item.heading = (from.size() > 1 ? "Merge tags " : "Rename tag ") + String.join(", ", from) + " → " + to;
                item.tags = TagChange.of(from, List.of(to));
                item.detail = "On every question carrying " + (from.size() > 1 ? "them" : "it") + ", "
                        + String.join(", ", from) + " becomes " + to + "; the old "
                        + (from.size() > 1 ? "names stay as synonyms" : "name stays as a synonym") + " of " + to + ".";
            }
            case LIST_ENTRY -> {
                item.heading = textOf(lookup, proposal.questionId());
                item.listId = proposal.listId();
                item.detail = switch (change.path("kind").asText()) {
                    case "LIST_ENTRY_REMOVAL" -> "Remove this question from the list.";
                    case "LIST_ENTRY_MOVE" ->
                        "Move this question to position "
                                + (change.path("index").asInt() + 1) + " of the list.";
                    default ->
                        change.path("index").isNumber()
                                ? "Add this question to the list at position "
                                        + (change.path("index").asInt() + 1) + "."
                                : "Add this question at the end of the list.";
                };
            }
        }
        return item.build();
    }

    private static String textOf(Lookup lookup, UUID questionId) {
        Question question = questionId == null ? null : lookup.question(questionId);
        return question == null ? "" : question.text();
    }

    private static String changedSince(Question question, int base) {
        if (question == null) {
            return "The question could not be found any more.";
        }
        return question.revision() == base
                ? null
                : "The question changed since this was proposed: it was made against" + " revision " + base
                        + ", the question is now at revision " + question.revision() + ".";
    }

    private static String source(JsonNode source) {
        if (source == null || source.isMissingNode() || source.isNull()) {
            return null;
        }
        String document = source.path("document").asText(null);
        if (document == null) {
            return null;
        }
        return source.path("line").isNumber()
                ? document + ", line " + source.path("line").asInt()
                : document;
    }

    /** Collects the parts of an item while its kind is worked out. */
    private static final class Builder {
        final Proposal proposal;
        final ChangeKind kind;
        final String viewer;
        String heading = "";
        WordDiff textDiff;
        int baseRevision;
        TagChange tags;
        ReviewItem.Merge merge;
        String detail;
        String source;
        UUID listId;
        String changedSince;
        List<DuplicateCandidate> candidates;

        Builder(Proposal proposal, ChangeKind kind, String viewer) {
            this.proposal = proposal;
            this.kind = kind;
            this.viewer = viewer;
        }

        /**
         * A change made against a revision of the proposal's question: its current text heads the item, and the
         * item says when the question moved on since. The question, or null when it is gone.
         */
        Question madeAgainst(Lookup lookup, JsonNode change) {
            Question question = lookup.question(proposal.questionId());
            baseRevision = change.path("baseRevision").asInt();
            heading = question == null ? "" : question.text();
            changedSince = changedSince(question, baseRevision);
            return question;
        }

        ReviewItem build() {
            return new ReviewItem(
                    proposal.proposalId(),
                    kind,
                    heading.isBlank() ? "(question text not found)" : heading,
                    proposal.questionId(),
                    proposal.proposer(),
                    proposal.createdAt(),
                    viewer != null && viewer.equals(proposal.proposer()),
                    textDiff,
                    baseRevision,
                    tags,
                    merge,
                    detail,
                    source,
                    listId,
                    changedSince,
                    approvals(proposal),
                    candidates == null ? proposal.duplicateCandidates() : candidates,
                    candidates == null
                            ? proposal.likelyDuplicate()
                            : candidates.stream().anyMatch(DuplicateCandidate::likelyDuplicate),
                    proposal.claim(),
                    proposal.comments(),
                    proposal.revision(),
                    proposal.recentConversation().stream()
                            .map(entry -> new ReviewItem.Comment(
                                    "CHANGES_REQUESTED".equals(entry.kind()),
                                    entry.author(),
                                    Markdown.toHtml(entry.text()),
                                    entry.at()))
                            .toList());
        }

        private static String approvals(Proposal proposal) {
            if (proposal.requiredApprovals() <= 1 && proposal.approvers().isEmpty()) {
                return null;
            }
            String so = proposal.approvers().isEmpty()
                    ? "none yet"
                    : proposal.approvers().size() + " so far (" + String.join(", ", proposal.approvers()) + ")";
            return "Needs " + proposal.requiredApprovals() + " approvals; " + so + ".";
        }
    }
}
