package dev.qcurate.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qcurate.devstack.TestInfrastructure;
import dev.qcurate.query.projection.ReadModelChecksum;
import dev.qcurate.shared.curatedlist.*;
import dev.qcurate.shared.proposal.ProposalAppliedEvent;
import dev.qcurate.shared.proposal.ProposalId;
import dev.qcurate.shared.question.*;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.*;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Curated lists end to end over the real topic and database: versions move with changes that alter the view, past
 * versions read back exactly (by number, release and time), diffs, exports, the change feed, and a full rebuild.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CuratedListIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String FEED = "lists-it-" + RUN + ".list-versions";

    @RegisterExtension
    static final QueryServiceStack STACK = new QueryServiceStack("lists_" + RUN);

    @DynamicPropertySource
    static void listFeed(DynamicPropertyRegistry registry) {
        registry.add("qcurate.list-feed.topic", () -> FEED);
        registry.add("qcurate.list-feed.interval", () -> "PT0.2S");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    ReadModelChecksum checksum;

    private EventTopicWriter topic;

    @Test
    void listsAreVersionedDeduplicatedAndReadableAtAnyVersion() throws Exception {
        topic = STACK.topic();
        CuratedListId list = CuratedListId.random();
        topic.write(
                list, new CuratedListCreatedEvent(list, "it-" + UUID.randomUUID(), "Python basics", null), "editor");
        QuestionId first = question("What is a generator?", List.of("python"));
        QuestionId second = question("@risk: what is <b>bold</b>?", List.of("html"));
        QuestionId third = question("=SUM(A1) what does this do?", List.of("excel"));
        QuestionId proposedOnly = propose("Never accepted?");
        add(list, first, 0);
        add(list, second, 1);
        add(list, proposedOnly, 2); // not ACTIVE: no visible change, no version
        long position = add(list, third, 0);

        Map<String, Object> latest = get("/api/lists/" + list + "?minPosition=" + position);
        assertThat(latest).containsEntry("version", 3);
        assertThat(ids(latest)).containsExactly(third.toString(), first.toString(), second.toString());
        Thread.sleep(20);

        ProposalId rewording = ProposalId.random();
        topic.write(
                first,
                new QuestionRewordedEvent(
                        first, rewording, 2, "What is a Python generator?", "What is a generator?", "editor2"),
                "reviewer");
        applied(rewording);
        Thread.sleep(20);
        ProposalId merge = ProposalId.random();
        topic.write(second, new QuestionMergedEvent(second, third, merge, 2), "reviewer");
        topic.write(
                third,
                new DuplicateAbsorbedEvent(
                        third,
                        second,
                        merge,
                        2,
                        "@risk: what is <b>bold</b>?",
                        List.of("html"),
                        List.of("excel", "html")),
                "reviewer");
        position = applied(merge);
        latest = get("/api/lists/" + list + "?minPosition=" + position);
        assertThat(latest).as("a merge is one version").containsEntry("version", 5);
        assertThat(ids(latest)).containsExactly(third.toString(), first.toString());

        // the past, by number
        Map<String, Object> v1 = get("/api/lists/" + list + "?version=1");
        assertThat(v1).containsEntry("version", 1);
        assertThat(texts(v1)).containsExactly("What is a generator?");

        // the past, by time: just before the reword
        List<Map<String, Object>> versions = getList("/api/lists/" + list + "/versions");
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(versions.get(4))
                .extracting(v -> ((Map<String, Object>) v.get("cause")).get("type"))
                .isEqualTo("QuestionRewordedEvent");
        assertThat(((Map<String, Object>) versions.get(5).get("cause")).get("proposalId"))
                .isEqualTo(merge.toString());
        String asOf = (String) versions.get(3).get("at");
        Map<String, Object> then = get("/api/lists/" + list + "?asOf=" + asOf);
        assertThat(then).containsEntry("version", 3);
        assertThat(texts(then)).contains("What is a generator?");
        assertThat(texts(get("/api/lists/" + list + "?asOf=" + Instant.now()))).contains("What is a Python generator?");

        // diffs
        Map<String, Object> reword = get("/api/lists/" + list + "/diff?from=3&to=4");
        assertThat((List<?>) reword.get("reworded"))
                .singleElement()
                .satisfies(r -> assertThat((Map<String, Object>) r)
                        .containsEntry("before", "What is a generator?")
                        .containsEntry("after", "What is a Python generator?"));
        Map<String, Object> merged = get("/api/lists/" + list + "/diff?from=4&to=5");
        assertThat((List<?>) merged.get("merged"))
                .singleElement()
                .satisfies(m -> assertThat((Map<String, Object>) m)
                        .containsEntry("sourceId", second.toString())
                        .containsEntry("targetId", third.toString()));
        assertThat((List<?>) merged.get("removed")).isEmpty();
        assertThat((List<?>) merged.get("added")).isEmpty();

        // releases
        position = topic.write(list, new ListReleasedEvent(list, "2024.1", 3), "reviewer");
        Map<String, Object> released = get("/api/lists/" + list + "?release=2024.1&minPosition=" + position);
        assertThat(released).containsEntry("version", 3);
        assertThat(released.get("entries"))
                .isEqualTo(get("/api/lists/" + list + "?version=3").get("entries"));

        // exports of an old version match that version
        ResponseEntity<String> csv = raw("/api/lists/" + list + "/export?format=csv&version=3");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment")
                .contains("-v3.csv");
        assertThat(csv.getBody().split("\r\n")).hasSize(4);
        assertThat(csv.getBody())
                .contains(
                        "\"'=SUM(A1) what does this do?\"",
                        "\"'@risk: what is <b>bold</b>?\"",
                        "\"What is a generator?\"")
                .doesNotContain("Python generator");
        String markdown = raw("/api/lists/" + list + "/export?format=markdown&release=2024.1")
                .getBody();
        assertThat(markdown)
                .contains(
                        "1. =SUM(A1) what does this do? — tags: excel",
                        "2. What is a generator? — tags: python",
                        "3. @risk: what is &lt;b>bold&lt;/b>? — tags: html")
                .doesNotContain("<b>");
        Map<String, Object> exported = json.readValue(
                raw("/api/lists/" + list + "/export?format=json&version=3").getBody(), Map.class);
        assertThat(exported.get("entries"))
                .isEqualTo(get("/api/lists/" + list + "?version=3").get("entries"));

        // errors
        assertThat(status("/api/lists/" + UUID.randomUUID())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("/api/lists/" + list + "?version=99")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("/api/lists/" + list + "?release=nope")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("/api/lists/" + list + "?version=1&release=2024.1")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/lists/" + list + "?asOf=yesterday")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/lists/" + list + "/export?format=pdf")).isEqualTo(HttpStatus.BAD_REQUEST);

        // the change feed has every version once, in order
        List<Map<String, Object>> feed = feedOf(list, 7, Duration.ofSeconds(20));
        assertThat(feed).extracting(m -> m.get("version")).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(feed.get(5)).containsEntry("size", 2);
        assertThat((Map<String, Object>) feed.get(5).get("summary")).containsEntry("merged", 1);
        assertThat((Map<String, Object>) feed.get(5).get("cause"))
                .containsEntry("type", "QuestionMergedEvent")
                .containsEntry("actor", "reviewer")
                .containsKey("position");
    }

    @Test
    void listVersionsCarryETagsAndTheLatestMovesOn() throws Exception {
        topic = STACK.topic();
        CuratedListId list = CuratedListId.random();
        topic.write(list, new CuratedListCreatedEvent(list, "cache-" + UUID.randomUUID(), "Cached", null), "editor");
        QuestionId first = question("What is a closure?", List.of("python"));
        long position = add(list, first, 0);

        ResponseEntity<String> latest = raw("/api/lists/" + list + "?minPosition=" + position);
        String v1 = latest.getHeaders().getETag();
        assertThat(v1).startsWith("\"v1-");
        assertThat(latest.getHeaders().getCacheControl()).contains("no-cache").contains("private");
        assertThat(json.readValue(latest.getBody(), Map.class)).containsEntry("version", 1);
        assertThat(latest.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);

        // revalidation: same version, no body
        ResponseEntity<String> unchanged = conditional("/api/lists/" + list, v1);
        assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(unchanged.getBody()).isNull();
        assertThat(unchanged.getHeaders().getETag()).isEqualTo(v1);

        // a pinned version is the same bytes, and may be kept
        ResponseEntity<String> pinned = raw("/api/lists/" + list + "?version=1");
        assertThat(pinned.getHeaders().getETag()).isEqualTo(v1);
        assertThat(pinned.getBody()).isEqualTo(latest.getBody());
        assertThat(pinned.getHeaders().getCacheControl())
                .contains("max-age=86400")
                .contains("private")
                .contains("immutable");
        assertThat(conditional("/api/lists/" + list + "?version=1", v1).getStatusCode())
                .isEqualTo(HttpStatus.NOT_MODIFIED);

        // a new version is served as soon as it is projected; the old ETag no longer matches the latest
        QuestionId second = question("What is a decorator?", List.of("python"));
        position = add(list, second, 1);
        ResponseEntity<String> moved = conditional("/api/lists/" + list + "?minPosition=" + position, v1);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = json.readValue(moved.getBody(), Map.class);
        assertThat(body).containsEntry("version", 2);
        assertThat(ids(body)).containsExactly(first.toString(), second.toString());
        assertThat(moved.getHeaders().getETag()).startsWith("\"v2-").isNotEqualTo(v1);
        assertThat(texts(get("/api/lists/" + list + "?version=1"))).containsExactly("What is a closure?");

        // exports: their own ETag per format, revalidated the same way
        ResponseEntity<String> csv = raw("/api/lists/" + list + "/export?format=csv&version=2");
        String csvTag = csv.getHeaders().getETag();
        assertThat(csvTag).startsWith("\"v2-").endsWith("-csv\"");
        assertThat(csv.getBody().split("\r\n")).hasSize(3);
        assertThat(conditional("/api/lists/" + list + "/export?format=csv&version=2", csvTag)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(raw("/api/lists/" + list + "/export?format=markdown&version=2")
                        .getHeaders()
                        .getETag())
                .isNotEqualTo(csvTag);

        // a release label is part of the answer, so it has its own ETag
        position = topic.write(list, new ListReleasedEvent(list, "r1", 1), "reviewer");
        ResponseEntity<String> released = raw("/api/lists/" + list + "?release=r1&minPosition=" + position);
        assertThat(json.readValue(released.getBody(), Map.class))
                .containsEntry("release", "r1")
                .containsEntry("version", 1);
        assertThat(released.getHeaders().getETag()).startsWith("\"v1-").isNotEqualTo(v1);
    }

    @Test
    void listBodiesAreGzippedWhenAcceptedUnderTheirOwnStrongETag() throws Exception {
        topic = STACK.topic();
        CuratedListId list = CuratedListId.random();
        topic.write(list, new CuratedListCreatedEvent(list, "gzip-" + UUID.randomUUID(), "Zipped", null), "editor");
        long position = add(list, question("What does gzip compress?", List.of("http")), 0);
        String path = "/api/lists/" + list + "?minPosition=" + position;
        java.net.http.HttpResponse<byte[]> identity = send(path, null, null);
        String tag = identity.headers().firstValue("ETag").orElseThrow();
        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(identity.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).contains("Accept-Encoding"));

        java.net.http.HttpResponse<byte[]> gzipped = send(path, "br, gzip;q=0.8", null);
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).contains("Accept-Encoding"));
        String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isEqualTo(tag.substring(0, tag.length() - 1) + "-gzip\"");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(identity.body());
        }

        // each representation revalidates only with its own tag
        java.net.http.HttpResponse<byte[]> notModified = send(path, "gzip", gzipTag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.headers().firstValue("ETag")).hasValue(gzipTag);
        assertThat(send(path, null, tag).statusCode()).isEqualTo(304);
        assertThat(send(path, "gzip", tag).statusCode()).isEqualTo(200);
        java.net.http.HttpResponse<byte[]> otherTag = send(path, null, gzipTag);
        assertThat(otherTag.statusCode()).isEqualTo(200);
        assertThat(otherTag.body()).isEqualTo(identity.body());

        // refused gzip (q=0) is identity; a pinned version and an export are compressed the same way
        assertThat(send(path, "gzip;q=0, identity", null).headers().firstValue("Content-Encoding"))
                .isEmpty();
        assertThat(send("/api/lists/" + list + "?version=1", "gzip", null)
                        .headers()
                        .firstValue("ETag"))
                .hasValue(gzipTag);
        java.net.http.HttpResponse<byte[]> csv = send("/api/lists/" + list + "/export?format=csv", "gzip", null);
        assertThat(csv.headers().firstValue("ETag").orElseThrow()).endsWith("-csv-gzip\"");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(csv.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("What does gzip compress?");
        }
    }

    /** A raw exchange: java.net.http neither adds Accept-Encoding nor decompresses. */
    private java.net.http.HttpResponse<byte[]> send(String path, String acceptEncoding, String ifNoneMatch)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + path))
                .header("Authorization", "Bearer " + STACK.token("reader", "READER"));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void rebuildGivesTheIdenticalReadModelAndRepublishesNothing() throws Exception {
        topic = STACK.topic();
        Random random = new Random(42);
        CuratedListId list = CuratedListId.random();
        topic.write(
                list,
                new CuratedListCreatedEvent(list, "rebuild-" + UUID.randomUUID(), "Rebuild", "many events"),
                "editor");
        List<QuestionId> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            QuestionId q = question("Question number " + i + "?", List.of("t" + (i % 3)));
            add(list, q, random.nextInt(members.size() + 1));
            members.add(q);
        }
        for (int i = 0; i < 10; i++) {
            QuestionId q = members.get(random.nextInt(members.size()));
            ProposalId reword = ProposalId.random();
            topic.write(
                    q,
                    new QuestionRewordedEvent(q, reword, 10 + i, "Reworded " + i + "?", "old", "editor"),
                    "reviewer");
            applied(reword);
        }
        for (int i = 0; i < 5; i++) {
            QuestionId source = members.get(2 * i);
            QuestionId target = members.get(2 * i + 11);
            ProposalId merge = ProposalId.random();
            topic.write(source, new QuestionMergedEvent(source, target, merge, 20), "reviewer");
            topic.write(
                    target,
                    new DuplicateAbsorbedEvent(target, source, merge, 20, "alias", List.of("m"), List.of("m", "t0")),
                    "reviewer");
            applied(merge);
            if (i % 2 == 0) {
                ProposalId unmerge = ProposalId.random();
                topic.write(
                        source,
                        new QuestionUnmergedEvent(source, target, unmerge, 21, "Back " + i + "?", List.of("t1")),
                        "reviewer");
                topic.write(
                        target,
                        new DuplicateReleasedEvent(target, source, unmerge, 21, "alias", List.of("m"), List.of("t0")),
                        "reviewer");
                applied(unmerge);
            }
        }
        ProposalId retire = ProposalId.random();
        topic.write(members.get(30), new QuestionRetiredEvent(members.get(30), retire, 30, "old"), "reviewer");
        applied(retire);
        ProposalId move = ProposalId.random();
        topic.write(list, new ListEntryMovedEvent(list, members.get(31), 5, 0, move), "reviewer");
        applied(move);
        ProposalId remove = ProposalId.random();
        topic.write(list, new ListEntryRemovedEvent(list, members.get(32), remove), "reviewer");
        applied(remove);
        long last = topic.write(list, new ListReleasedEvent(list, "final", 3), "reviewer");
        Map<String, Object> before = get("/api/lists/" + list + "?minPosition=" + last);
        int version = (int) before.get("version");
        List<Map<String, Object>> feedBefore = feedOf(list, version + 1, Duration.ofSeconds(20));
        Map<String, String> checksums = checksum.compute();
        assertThat(checksums).containsKeys("list_view_row", "list_version", "curated_list");

        String etagBefore =
                raw("/api/lists/" + list + "?version=" + version).getHeaders().getETag();
        STACK.rebuildAndAwait(last);

        assertThat(checksum.compute()).isEqualTo(checksums);
        assertThat(get("/api/lists/" + list)).isEqualTo(before);
        // the same bytes as before the rebuild, so the same ETag: clients' copies stay valid
        assertThat(raw("/api/lists/" + list + "?version=" + version)
                        .getHeaders()
                        .getETag())
                .isEqualTo(etagBefore);
        Thread.sleep(1_000); // give the relay the chance to (wrongly) publish again
        assertThat(feedOf(list, version + 1, Duration.ofSeconds(5))).isEqualTo(feedBefore);
    }

    // ---- events

    private QuestionId propose(String text) {
        QuestionId id = QuestionId.random();
        topic.write(id, new QuestionProposedEvent(id, ProposalId.random(), text, List.of(), null, "editor"), "editor");
        return id;
    }

    private QuestionId question(String text, List<String> tags) {
        QuestionId id = QuestionId.random();
        ProposalId proposal = ProposalId.random();
        topic.accepted(id, proposal, text, tags);
        applied(proposal);
        return id;
    }

    private long add(CuratedListId list, QuestionId question, int index) {
        ProposalId proposal = ProposalId.random();
        topic.write(list, new ListEntryAddedEvent(list, question, index, proposal), "reviewer");
        return applied(proposal);
    }

    /** Ends an approval as the command side does: its last event is ProposalAppliedEvent. */
    private long applied(ProposalId proposal) {
        return topic.write(proposal, new ProposalAppliedEvent(proposal, "reviewer"), "reviewer");
    }

    // ---- reading

    private Map<String, Object> get(String path) {
        return STACK.ok(path, "READER", Map.class);
    }

    private List<Map<String, Object>> getList(String path) {
        return STACK.ok(path, "READER", List.class);
    }

    private ResponseEntity<String> raw(String path) {
        ResponseEntity<String> answer = STACK.get(path, "READER", String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer;
    }

    private ResponseEntity<String> conditional(String path, String etag) {
        HttpHeaders headers = STACK.bearer("READER");
        headers.setIfNoneMatch(etag);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private HttpStatusCode status(String path) {
        return STACK.get(path, "READER", String.class).getStatusCode();
    }

    private static List<String> ids(Map<String, Object> list) {
        return ((List<Map<String, Object>>) list.get("entries"))
                .stream().map(e -> (String) e.get("questionId")).toList();
    }

    private static List<String> texts(Map<String, Object> list) {
        return ((List<Map<String, Object>>) list.get("entries"))
                .stream().map(e -> (String) e.get("text")).toList();
    }

    /** Reads the change feed from its start until {@code expected} messages of the list arrived (or time is up). */
    private List<Map<String, Object>> feedOf(CuratedListId list, int expected, Duration timeout) throws Exception {
        List<Map<String, Object>> messages = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafka().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "feed-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(FEED));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(list.toString())) {
                        messages.add(json.readValue(record.value().getBytes(StandardCharsets.UTF_8), Map.class));
                    }
                }
                if (messages.size() >= expected && timeout.toSeconds() > 10) {
                    break;
                }
            }
        }
        return messages;
    }
}
