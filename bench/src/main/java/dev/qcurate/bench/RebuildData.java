package dev.qcurate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.qcurate.shared.curatedlist.CuratedListCreatedEvent;
import dev.qcurate.shared.curatedlist.CuratedListId;
import dev.qcurate.shared.curatedlist.ListEntryAddedEvent;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.proposal.ProposalApprovalRecordedEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.proposal.ProposalSubmittedEvent;
import dev.qcurate.shared.proposal.ProposedChange;
import dev.qcurate.shared.question.DuplicateAbsorbedEvent;
import dev.qcurate.shared.question.QuestionAcceptedEvent;
import dev.qcurate.shared.question.QuestionId;
import dev.qcurate.shared.question.QuestionMergedEvent;
import dev.qcurate.shared.question.QuestionProposedEvent;
import dev.qcurate.shared.question.QuestionRewordedEvent;
import dev.qcurate.shared.question.QuestionTagsChangedEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A history of {@code events} events written straight to a topic in the relay's record format (contract JSON and
 * headers, position = offset + 1): {@code questions} questions proposed and approved, the first {@code listSize} of
 * them in one curated list, then rewordings, tag changes and merges (3 : 2 : 1), each proposed and approved, until the
 * count is reached. Every event is one the command side could have produced.
 */
final class RebuildData {

    record Written(long events, UUID listId, int listVersions, List<String> sampleTexts, double secondsToWrite) {}

    private static final String EDITOR = "editor";
    private static final String REVIEWER = "reviewer";

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long position;

    private RebuildData(String bootstrap, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true, // keeps order across retries: positions must ascend
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        1 << 20,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    static Written write(String bootstrap, String topic, long events, int questions, int listSize) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                            .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        RebuildData data = new RebuildData(bootstrap, topic);
        long started = System.nanoTime();
        try {
            return data.generate(events, questions, listSize, started);
        } finally {
            data.producer.close();
        }
    }

    private Written generate(long events, int questions, int listSize, long started) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        CuratedListId list = new CuratedListId(UUID.randomUUID());
        send(list.value(), new CuratedListCreatedEvent(list, "bench-list", "Benchmark list", "1,000 entries"), EDITOR);
        QuestionId[] ids = new QuestionId[questions];
        String[] texts = new String[questions];
        int[] revisions = new int[questions];
        int[] tagNumbers = new int[questions];
        String[] baseTags = new String[questions];
        boolean[] merged = new boolean[questions];
        int listVersions = 0;
        for (int i = 0; i < questions; i++) {
            ids[i] = new QuestionId(UUID.randomUUID());
            texts[i] = Texts.question(random);
            baseTags[i] = Texts.tag(random);
            revisions[i] = 1;
            ProposalId proposal = newProposal();
            boolean listed = i < listSize;
            send(
                    ids[i].value(),
                    new QuestionProposedEvent(ids[i], proposal, texts[i], List.of(baseTags[i]), null, EDITOR),
                    EDITOR);
            send(
                    proposal.value(),
                    new ProposalSubmittedEvent(
                            proposal,
                            new ProposedChange.NewQuestion(
                                    ids[i], texts[i], List.of(baseTags[i]), null, listed ? list : null),
                            EDITOR,
                            1,
                            List.of()),
                    EDITOR);
            approve(proposal);
            send(ids[i].value(), new QuestionAcceptedEvent(ids[i], proposal), REVIEWER);
            if (listed) {
                send(list.value(), new ListEntryAddedEvent(list, ids[i], i, proposal), REVIEWER);
                listVersions++;
            }
            send(proposal.value(), new ProposalAppliedEvent(proposal, REVIEWER), REVIEWER);
        }
        while (position < events) {
            int op = random.nextInt(6);
            int q = random.nextInt(questions);
            if (merged[q]) {
                continue;
            }
            ProposalId proposal = newProposal();
            if (op < 3) {
                String text = Texts.question(random);
                send(
                        proposal.value(),
                        new ProposalSubmittedEvent(
                                proposal,
                                new ProposedChange.Rewording(ids[q], text, revisions[q]),
                                EDITOR,
                                1,
                                List.of()),
                        EDITOR);
                approve(proposal);
                send(
                        ids[q].value(),
                        new QuestionRewordedEvent(ids[q], proposal, ++revisions[q], text, texts[q], EDITOR),
                        REVIEWER);
                texts[q] = text;
            } else if (op < 5) {
                int tag = tagNumbers[q] + 1;
                List<String> removed = tagNumbers[q] == 0 ? List.of() : List.of("b" + tagNumbers[q]);
                send(
                        proposal.value(),
                        new ProposalSubmittedEvent(
                                proposal,
                                new ProposedChange.TagChange(ids[q], List.of("b" + tag), removed, revisions[q]),
                                EDITOR,
                                1,
                                List.of()),
                        EDITOR);
                approve(proposal);
                List<String> tags = new ArrayList<>(List.of(baseTags[q], "b" + tag));
                tags.sort(null);
                send(
                        ids[q].value(),
                        new QuestionTagsChangedEvent(
                                ids[q], proposal, ++revisions[q], List.of("b" + tag), removed, tags),
                        REVIEWER);
                tagNumbers[q] = tag;
            } else {
                int target = random.nextInt(questions);
                if (target == q || merged[target]) {
                    continue;
                }
                send(
                        proposal.value(),
                        new ProposalSubmittedEvent(
                                proposal,
                                new ProposedChange.Merge(ids[q], ids[target], revisions[q], revisions[target]),
                                EDITOR,
                                1,
                                List.of()),
                        EDITOR);
                approve(proposal);
                send(ids[q].value(), new QuestionMergedEvent(ids[q], ids[target], proposal, ++revisions[q]), REVIEWER);
                List<String> tags = new ArrayList<>(List.of(baseTags[target]));
                if (tagNumbers[target] > 0) {
                    tags.add("b" + tagNumbers[target]);
                }
                tags.sort(null);
                send(
                        ids[target].value(),
                        new DuplicateAbsorbedEvent(
                                ids[target], ids[q], proposal, ++revisions[target], texts[q], List.of(), tags),
                        REVIEWER);
                merged[q] = true;
            }
            send(proposal.value(), new ProposalAppliedEvent(proposal, REVIEWER), REVIEWER);
            if (failure.get() != null) {
                throw failure.get();
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw failure.get();
        }
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < Math.min(1_000, questions); i++) {
            int q = random.nextInt(questions);
            sample.add(Texts.variant(texts[q], random));
        }
        return new Written(position, list.value(), listVersions, sample, (System.nanoTime() - started) / 1e9);
    }

    private static ProposalId newProposal() {
        return new ProposalId(UUID.randomUUID());
    }

    private void approve(ProposalId proposal) throws Exception {
        send(proposal.value(), new ProposalApprovalRecordedEvent(proposal, REVIEWER, 1, 1), REVIEWER);
    }

    private void send(UUID key, Object payload, String actor) throws Exception {
        var record = new ProducerRecord<>(topic, key.toString(), json.writeValueAsBytes(payload));
        record.headers().add("axon-message-id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("axon-message-type", payload.getClass().getName().getBytes(StandardCharsets.UTF_8));
        org.axonframework.serialization.Revision revision =
                payload.getClass().getAnnotation(org.axonframework.serialization.Revision.class);
        record.headers()
                .add(
                        "axon-message-revision",
                        (revision == null ? "1" : revision.value()).getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        "axon-message-timestamp",
                        ByteBuffer.allocate(8)
                                .putLong(Instant.now().toEpochMilli())
                                .array());
        record.headers().add("axon-metadata-actor", actor.getBytes(StandardCharsets.UTF_8));
        record.headers().add("qcurate-position", Long.toString(++position).getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }
}
