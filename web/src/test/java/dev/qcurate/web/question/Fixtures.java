package dev.qcurate.web.question;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Query-service answers as JSON, shaped like its views. */
final class Fixtures {

    static final UUID ID = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID OTHER = UUID.fromString("22222222-2222-2222-2222-222222222222");
    static final UUID THIRD = UUID.fromString("33333333-3333-3333-3333-333333333333");

    private Fixtures() {}

    /** An ACTIVE question at revision 2: proposed, accepted, then reworded. */
    static String activeQuestion() {
        return question(
                ID,
                "What is a Python decorator?",
                "ACTIVE",
                2,
                List.of("python", "decorators"),
                null,
                step(1, "PROPOSED", "What is a decorator?", "PROPOSED", "editor"),
                step(1, "ACCEPTED", "What is a decorator?", "ACTIVE", "reviewer"),
                step(2, "REWORDED", "What is a Python decorator?", "ACTIVE", "reviewer"));
    }

    static String question(
            UUID id, String text, String status, int revision, List<String> tags, UUID mergedInto, String... history) {
        return """
                {"questionId":"%s","text":"%s","status":"%s","revision":%d,"tags":[%s],"aliases":["How do decorators work?"],
                 "mergedInto":%s,"source":{"document":"python.md","line":12,"importId":null},"proposalId":null,
                 "proposedBy":"editor","createdAt":"2026-11-20T10:00:00Z","updatedAt":"2026-11-21T10:00:00Z",
                 "history":[%s]}""".formatted(
                        id,
                        text,
                        status,
                        revision,
                        tags.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",")),
                        mergedInto == null ? "null" : "\"" + mergedInto + "\"",
                        String.join(",", history));
    }

    static String step(int revision, String event, String text, String status, String actor) {
        return """
                {"revision":%d,"event":"%s","text":"%s","status":"%s","at":"2026-11-2%dT10:00:00Z","actor":"%s",
                 "proposalId":null}""".formatted(revision, event, text, status, revision, actor);
    }

    static String candidates() {
        return """
                [{"questionId":"%s","text":"What does a decorator do?","score":0.87,"likelyDuplicate":true},
                 {"questionId":"%s","text":"How do closures work?","score":0.41,"likelyDuplicate":false}]""".formatted(OTHER, THIRD);
    }

    static String pendingRewording() {
        return """
                [{"proposalId":"44444444-4444-4444-4444-444444444444","type":"REWORDING","status":"PENDING",
                  "questionId":"%s","proposer":"editor2","payload":{"kind":"REWORDING","questionId":"%s",
                  "text":"What is a decorator in Python?","baseRevision":2},"duplicateCandidates":[],
                  "likelyDuplicate":false,"requiredApprovals":1,"approvers":[],"createdAt":"2026-11-22T09:00:00Z"}]""".formatted(ID, ID);
    }
}
