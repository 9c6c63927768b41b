package dev.qcurate.query;

import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposalRejectedEvent;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.SourceRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The review queue's filters by tag and import, its counts, and the proposer's newest-first order. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalFiltersIT {

    @RegisterExtension
    static final QueryServiceStack STACK = new QueryServiceStack("proposal_filters_it");

    private final UUID importId = UUID.randomUUID();
    private final QuestionId imported = QuestionId.random();
    private final QuestionId byHand = QuestionId.random();
    private final QuestionId accepted = QuestionId.random();
    private ProposalId importedProposal;
    private ProposalId byHandProposal;
    private ProposalId tagProposal;
    private EventTopicWriter topic;
    private long position;

    @BeforeAll
    void threeProposals() {
        topic = STACK.topic();
        importedProposal = proposeNew(
                imported,
                "What is a Python generator?",
                List.of("python"),
                new SourceRef("python.md", 3, importId),
                "importer");
        byHandProposal = proposeNew(byHand, "What is a Java record?", List.of("java"), null, "editor");
        topic.accepted(accepted, ProposalId.random(), "What is a list comprehension?", List.of("python"));
        tagProposal = ProposalId.random();
        position = topic.write(
                tagProposal,
                new ProposalSubmittedEvent(
                        tagProposal,
                        new ProposedChange.TagChange(accepted, List.of("iteration"), List.of(), 1),
                        "editor",
                        1,
                        List.of()),
                "editor");
    }

    @Test
    void filtersByTheQuestionsTag() {
        assertThat(ids("/api/proposals?status=PENDING&tag=python&minPosition=" + position))
                .containsExactly(importedProposal.toString(), tagProposal.toString());
        assertThat(ids("/api/proposals?status=PENDING&tag=java")).containsExactly(byHandProposal.toString());
        assertThat(ids("/api/proposals?status=PENDING&tag=rust")).isEmpty();
    }

    @Test
    void filtersByTheImportThatBroughtTheQuestion() {
        assertThat(ids("/api/proposals?importId=" + importId + "&minPosition=" + position))
                .containsExactly(importedProposal.toString());
        assertThat(ids("/api/proposals?importId=" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void anImportsProposalsOfTheSameInstantAreQueuedInDocumentOrder() {
        UUID sameInstant = UUID.randomUUID();
        java.time.Instant at = java.time.Instant.now();
        List<ProposalId> byLine = new java.util.ArrayList<>();
        for (int line : new int[] {9, 4, 7}) { // written out of order, ids random: only the line can order them
            QuestionId question = QuestionId.random();
            ProposalId proposal = ProposalId.random();
            SourceRef source = new SourceRef("order.md", line, sameInstant);
            String text = "What is ordered question " + line + "?";
            topic.writeAt(
                    topic.reserve(),
                    question,
                    new QuestionProposedEvent(question, proposal, text, List.of(), source, "importer"),
                    "importer",
                    at);
            long written = topic.writeAt(
                    topic.reserve(),
                    proposal,
                    new ProposalSubmittedEvent(
                            proposal,
                            new ProposedChange.NewQuestion(question, text, List.of(), source, null),
                            "importer",
                            1,
                            List.of()),
                    "importer",
                    at);
            byLine.add(proposal);
            position = Math.max(position, written);
        }

        List<Object> queued = ids("/api/proposals?importId=" + sameInstant + "&minPosition=" + position);
        for (ProposalId proposal : byLine) { // decided again, so the other tests' pending counts stay as they were
            position =
                    topic.write(proposal, new ProposalRejectedEvent(proposal, "reviewer", "ordering test"), "reviewer");
        }

        assertThat(queued)
                .containsExactly(
                        byLine.get(1).toString(),
                        byLine.get(2).toString(),
                        byLine.get(0).toString());
    }

    @Test
    void countsByTypeWithTheSameFilters() {
        Map<String, Object> all = counts("/api/proposals/counts?status=PENDING&minPosition=" + position);
        Map<String, Object> python = counts("/api/proposals/counts?status=PENDING&tag=python");
        Map<String, Object> none = counts("/api/proposals/counts?status=REJECTED&proposer=editor");

        assertThat(all).containsEntry("total", 3).containsEntry("byType", Map.of("NEW_QUESTION", 2, "TAG_CHANGE", 1));
        assertThat(python)
                .containsEntry("total", 2)
                .containsEntry("byType", Map.of("NEW_QUESTION", 1, "TAG_CHANGE", 1));
        assertThat(none).containsEntry("total", 0).containsEntry("byType", Map.of());
    }

    @Test
    void aProposerSeesTheNewestFirstWhenAsked() {
        assertThat(ids("/api/proposals?proposer=editor&sort=NEWEST&minPosition=" + position))
                .containsExactly(tagProposal.toString(), byHandProposal.toString());
        assertThat(ids("/api/proposals?proposer=editor"))
                .containsExactly(byHandProposal.toString(), tagProposal.toString());
    }

    @Test
    void refusesAnOverlongTagAndABadImportId() {
        assertThat(status("/api/proposals?tag=" + "t".repeat(41))).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/proposals/counts?importId=not-a-uuid")).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private ProposalId proposeNew(QuestionId id, String text, List<String> tags, SourceRef source, String proposer) {
        ProposalId proposal = ProposalId.random();
        topic.submittedNew(id, proposal, text, tags, source, proposer);
        return proposal;
    }

    @SuppressWarnings("unchecked")
    private List<Object> ids(String path) {
        return ((List<Map<String, Object>>) STACK.ok(path, "REVIEWER", List.class))
                .stream().map(p -> p.get("proposalId")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> counts(String path) {
        return STACK.ok(path, "REVIEWER", Map.class);
    }

    private HttpStatus status(String path) {
        return HttpStatus.valueOf(
                STACK.get(path, "REVIEWER", String.class).getStatusCode().value());
    }
}
