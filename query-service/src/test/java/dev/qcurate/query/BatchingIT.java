package dev.qcurate.query;

import dev.qcurate.query.projection.Projection;
import dev.qcurate.query.projection.ReadModelChecksum;
import dev.qcurate.query.projection.StoredEvent;
import dev.qcurate.shared.curatedlist.*;
import dev.qcurate.shared.proposal.*;
import dev.qcurate.shared.question.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.*;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections apply a batch at once, in memory; the read model must not depend on where batches begin and end.
 * A varied history (lists with additions, moves and removals, same-text questions, rewords, tag changes,
 * retirements, merges and unmerges of listed questions and chains, several changes of one question per batch) is
 * applied one event per batch, in batches of random sizes and as one batch: same tables, same change feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchingIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @RegisterExtension
    static final QueryServiceStack STACK = new QueryServiceStack("batching_" + RUN);

    @Autowired
    List<Projection> projections;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadModelChecksum checksum;

    @Test
    void batchBoundariesDoNotChangeTheReadModel() {
        List<StoredEvent> history = new History(7).events(4_000);

        project(history, new Random(1), 1);
        Map<String, String> oneByOne = checksum.compute();
        String feed = feed();
        // printed so that another code version can be checked against it (the history is the same for a seed)
        System.out.println("BatchingIT one by one: " + oneByOne + " feed " + feed);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM list_version", Integer.class))
                .isGreaterThan(100);

        project(history, new Random(2), 300);
        assertThat(checksum.compute()).isEqualTo(oneByOne);
        assertThat(feed()).isEqualTo(feed);

        project(history, new Random(3), history.size());
        assertThat(checksum.compute()).isEqualTo(oneByOne);
        assertThat(feed()).isEqualTo(feed);
    }

    /** Resets the read model (and the feed's outbox), then applies the history in batches of 1..maxBatch events. */
    private void project(List<StoredEvent> history, Random random, int maxBatch) {
        transaction.executeWithoutResult(status -> {
            projections.forEach(Projection::reset);
            jdbc.update("DELETE FROM list_feed_outbox");
        });
        for (int from = 0; from < history.size(); ) {
            int size = maxBatch == history.size() ? maxBatch : 1 + random.nextInt(maxBatch);
            List<StoredEvent> batch = history.subList(from, Math.min(history.size(), from + size));
            transaction.executeWithoutResult(status -> projections.forEach(p -> p.applyBatch(batch)));
            from += batch.size();
        }
    }

    private String feed() {
        return jdbc.queryForObject("""
                SELECT coalesce(md5(string_agg(list_id || ' ' || version || ' ' || position || ' ' || payload, E'\\n'
                ORDER BY list_id, version)), '') FROM list_feed_outbox""", String.class);
    }

    /** A plausible history: what the command side could produce, chosen at random. */
    private static final class History {
        private final Random random;
        private final List<StoredEvent> events = new ArrayList<>();
        private final List<QuestionId> questions = new ArrayList<>();
        private final Map<QuestionId, String> status = new HashMap<>();
        private final Map<QuestionId, Integer> revision = new HashMap<>();
        private final Map<QuestionId, QuestionId> mergedInto = new HashMap<>();
        private final Map<QuestionId, String> text = new HashMap<>();
        private final List<CuratedListId> lists = new ArrayList<>();
        private final Map<CuratedListId, List<QuestionId>> entries = new HashMap<>();
        private Instant at = Instant.parse("2026-01-01T00:00:00Z");

        History(long seed) {
            random = new Random(seed);
        }

        List<StoredEvent> events(int count) {
            for (int i = 0; i < 3; i++) {
                CuratedListId list = new CuratedListId(uuid());
                lists.add(list);
                entries.put(list, new ArrayList<>());
                emit(new CuratedListCreatedEvent(list, "list-" + i, "List " + i, null), "editor");
            }
            while (events.size() < count) {
                int op = random.nextInt(20);
                if (op < 5 || questions.size() < 10) {
                    propose();
                } else if (op < 9) {
                    listChange();
                } else if (op < 12) {
                    reword();
                } else if (op < 14) {
                    tags();
                } else if (op < 16) {
                    merge();
                } else if (op < 17) {
                    unmerge();
                } else if (op < 18) {
                    retire();
                } else {
                    release();
                }
            }
            return events;
        }

        private void propose() {
            QuestionId question = new QuestionId(uuid());
            ProposalId proposal = new ProposalId(uuid());
            // a few texts repeat (same normalised text: shown once per list)
            String words = random.nextInt(5) == 0 ? "What is a generator" : "Question " + random.nextInt(100_000);
            String body = words + (random.nextBoolean() ? "?" : " ?");
            CuratedListId list = random.nextInt(3) == 0 ? pick(lists) : null;
            emit(
                    new QuestionProposedEvent(
                            question, proposal, body, List.of("t" + random.nextInt(5)), null, "editor"),
                    "editor");
            emit(
                    new ProposalSubmittedEvent(
                            proposal,
                            new ProposedChange.NewQuestion(question, body, List.of("t"), null, list),
                            "editor",
                            1,
                            List.of()),
                    "editor");
            questions.add(question);
            status.put(question, "PROPOSED");
            revision.put(question, 1);
            text.put(question, body);
            emit(new ProposalApprovalRecordedEvent(proposal, "reviewer", 1, 1), "reviewer");
            if (random.nextInt(8) == 0) {
                emit(new QuestionRejectedEvent(question, proposal, "no"), "reviewer");
                emit(new ProposalRejectedEvent(proposal, "reviewer", "no"), "reviewer");
                status.put(question, "REJECTED");
                return;
            }
            emit(new QuestionAcceptedEvent(question, proposal), "reviewer");
            status.put(question, "ACTIVE");
            if (list != null) {
                addEntry(list, question, proposal);
            }
            emit(new ProposalAppliedEvent(proposal, "reviewer"), "reviewer");
        }

        private void addEntry(CuratedListId list, QuestionId question, ProposalId proposal) {
            List<QuestionId> members = entries.get(list);
            int index = random.nextInt(members.size() + 2);
            emit(new ListEntryAddedEvent(list, question, index, proposal), "reviewer");
            if (!members.contains(question)) {
                members.add(Math.min(index, members.size()), question);
            }
        }

        private void listChange() {
            CuratedListId list = pick(lists);
            List<QuestionId> members = entries.get(list);
            ProposalId proposal = random.nextInt(6) == 0 ? null : new ProposalId(uuid());
            int op = random.nextInt(4);
            if (op <= 1 || members.size() < 3) {
                addEntry(list, pick(questions), proposal);
            } else if (op == 2) {
                QuestionId question = pick(members);
                emit(new ListEntryRemovedEvent(list, question, proposal), "reviewer");
                members.remove(question);
            } else {
                QuestionId question = pick(members);
                int from = members.indexOf(question);
                int to = random.nextInt(members.size());
                emit(new ListEntryMovedEvent(list, question, from, to, proposal), "reviewer");
                members.remove(question);
                members.add(Math.min(to, members.size()), question);
            }
            if (proposal != null) {
                emit(new ProposalAppliedEvent(proposal, "reviewer"), "reviewer");
            }
        }

        /** An approved change of an active question, when there is one: its events, then the approval's end. */
        private void approvedChange(BiConsumer<QuestionId, ProposalId> change) {
            QuestionId question = active();
            if (question == null) {
                return;
            }
            ProposalId proposal = new ProposalId(uuid());
            change.accept(question, proposal);
            emit(new ProposalAppliedEvent(proposal, "reviewer"), "reviewer");
        }

        private void reword() {
            approvedChange((question, proposal) -> {
                String body =
                        random.nextInt(4) == 0 ? "What is a generator?" : "Reworded " + random.nextInt(100_000) + "?";
                emit(
                        new QuestionRewordedEvent(
                                question, proposal, next(question), body, text.get(question), "editor"),
                        "reviewer");
                text.put(question, body);
            });
        }

        private void tags() {
            approvedChange((question, proposal) -> {
                List<String> tags = List.of("t" + random.nextInt(5), "u" + random.nextInt(5));
                emit(
                        new QuestionTagsChangedEvent(question, proposal, next(question), List.of(), List.of(), tags),
                        "reviewer");
            });
        }

        private void merge() {
            QuestionId source = active();
            QuestionId target = active();
            if (source == null || target == null || source.equals(target)) {
                return;
            }
            ProposalId proposal = new ProposalId(uuid());
            emit(new QuestionMergedEvent(source, target, proposal, next(source)), "reviewer");
            emit(
                    new DuplicateAbsorbedEvent(
                            target, source, proposal, next(target), text.get(source), List.of(), List.of("t1", "t2")),
                    "reviewer");
            status.put(source, "MERGED");
            mergedInto.put(source, target);
            emit(new ProposalAppliedEvent(proposal, "reviewer"), "reviewer");
        }

        private void unmerge() {
            List<QuestionId> merged = questions.stream()
                    .filter(q -> "MERGED".equals(status.get(q)))
                    .toList();
            if (merged.isEmpty()) {
                return;
            }
            QuestionId source = pick(merged);
            QuestionId target = mergedInto.remove(source);
            ProposalId proposal = new ProposalId(uuid());
            emit(
                    new QuestionUnmergedEvent(source, target, proposal, next(source), text.get(source), List.of("t0")),
                    "reviewer");
            emit(
                    new DuplicateReleasedEvent(
                            target, source, proposal, next(target), text.get(source), List.of(), List.of("t1")),
                    "reviewer");
            status.put(source, "ACTIVE");
            emit(new ProposalAppliedEvent(proposal, "reviewer"), "reviewer");
        }

        private void retire() {
            approvedChange((question, proposal) -> {
                emit(new QuestionRetiredEvent(question, proposal, next(question), "old"), "reviewer");
                status.put(question, "RETIRED");
            });
        }

        private void release() {
            CuratedListId list = pick(lists);
            emit(new ListReleasedEvent(list, "r" + events.size(), 0), "reviewer");
        }

        /** Listed questions more often: they are the interesting ones. */
        private QuestionId active() {
            for (int attempt = 0; attempt < 20; attempt++) {
                QuestionId question = random.nextBoolean()
                        ? pick(entries.get(pick(lists)).isEmpty() ? questions : entries.get(pick(lists)))
                        : pick(questions);
                if (question != null && "ACTIVE".equals(status.get(question))) {
                    return question;
                }
            }
            return null;
        }

        private int next(QuestionId question) {
            int value = revision.get(question) + 1;
            revision.put(question, value);
            return value;
        }

        /** Ids from the seed too, so the same history can be compared across code versions. */
        private UUID uuid() {
            return new UUID(random.nextLong(), random.nextLong());
        }

        private <T> T pick(List<T> values) {
            return values.isEmpty() ? null : values.get(random.nextInt(values.size()));
        }

        private void emit(Object payload, String actor) {
            at = at.plusMillis(1 + random.nextInt(1_000));
            events.add(new StoredEvent(events.size() + 1, payload, at, actor, null));
        }
    }
}
