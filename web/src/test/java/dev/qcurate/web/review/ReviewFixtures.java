package dev.qcurate.web.review;

import dev.qcurate.web.FakeService;

import java.util.UUID;

/** A small queue as the query service would answer it: a rewording, a tag change, a new question and a merge. */
final class ReviewFixtures {

    static final UUID DECORATOR = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID NEW_ONE = UUID.fromString("33333333-3333-3333-3333-333333333333");
    static final UUID WHAT_DOES = UUID.fromString("44444444-4444-4444-4444-444444444444");
    static final UUID REWORDING = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    static final UUID TAGS = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000002");
    static final UUID OWN_NEW = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000003");
    static final UUID MERGE = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000004");

    private ReviewFixtures() {}

    static void queueOfFour(FakeService query) {
        query.onJson(
                        "GET",
                        "/api/proposals/counts",
                        "{\"total\":4,\"byType\":{\"REWORDING\":1,\"TAG_CHANGE\":1,\"NEW_QUESTION\":1,\"MERGE\":1}}")
                .onJson(
                        "GET",
                        "/api/proposals",
                        "["
                                + String.join(
                                        ",",
                                        proposal(
                                                REWORDING,
                                                "REWORDING",
                                                DECORATOR,
                                                "editor",
                                                1,
                                                "{\"kind\":\"REWORDING\",\"questionId\":\"" + DECORATOR
                                                        + "\",\"text\":\"What is a Python decorator & why?\",\"baseRevision\":1}",
                                                "[]"),
                                        proposal(
                                                TAGS,
                                                "TAG_CHANGE",
                                                DECORATOR,
                                                "editor",
                                                1,
                                                "{\"kind\":\"TAG_CHANGE\",\"questionId\":\"" + DECORATOR
                                                        + "\",\"add\":[\"functions\"],\"remove\":[\"basics\"],\"baseRevision\":2}",
                                                "[]"),
                                        proposal(
                                                OWN_NEW,
                                                "NEW_QUESTION",
                                                NEW_ONE,
                                                "reviewer",
                                                1,
                                                "{\"kind\":\"NEW_QUESTION\",\"questionId\":\"" + NEW_ONE
                                                        + "\",\"text\":\"What are decorators in Python?\",\"tags\":[\"python\"],"
                                                        + "\"source\":{\"document\":\"python.md\",\"line\":7,\"importId\":null},"
                                                        + "\"listId\":null}",
                                                "[{\"questionId\":\"" + DECORATOR
                                                        + "\",\"text\":\"What is a decorator?\","
                                                        + "\"score\":0.91,\"likelyDuplicate\":true}]"),
                                        proposal(
                                                MERGE,
                                                "MERGE",
                                                WHAT_DOES,
                                                "editor",
                                                2,
                                                "{\"kind\":\"MERGE\",\"sourceId\":\"" + WHAT_DOES + "\",\"targetId\":\""
                                                        + DECORATOR + "\",\"sourceRevision\":1,\"targetRevision\":2}",
                                                "[]"))
                                + "]")
                .onJson("GET", "/api/questions/" + DECORATOR, """
                        {"questionId":"%s","text":"What is a decorator?","status":"ACTIVE","revision":2,
                         "tags":["python","basics"],"aliases":[],"history":[
                          {"revision":1,"event":"PROPOSED","text":"What is decorator?","status":"PROPOSED"},
                          {"revision":1,"event":"ACCEPTED","text":"What is decorator?","status":"ACTIVE"},
                          {"revision":2,"event":"REWORDED","text":"What is a decorator?","status":"ACTIVE"}]}
                        """.formatted(DECORATOR))
                .onJson("GET", "/api/questions/" + WHAT_DOES, """
                        {"questionId":"%s","text":"What does a decorator do?","status":"ACTIVE","revision":1,
                         "tags":[],"history":[]}""".formatted(WHAT_DOES))
                .onJson(
                        "GET",
                        "/api/duplicates",
                        "[{\"questionId\":\"" + WHAT_DOES
                                + "\",\"text\":\"What does a decorator do?\",\"score\":0.7,\"likelyDuplicate\":false}]")
                .onJson(
                        "GET",
                        "/api/questions/" + WHAT_DOES + "/duplicates",
                        "[{\"questionId\":\"" + DECORATOR
                                + "\",\"text\":\"What is a decorator?\",\"score\":0.87,\"likelyDuplicate\":true}]");
    }

    static String proposal(
            UUID id, String type, UUID questionId, String proposer, int required, String payload, String candidates) {
        return """
                {"proposalId":"%s","type":"%s","status":"PENDING","questionId":"%s","listId":null,"proposer":"%s",
                 "payload":%s,"duplicateCandidates":%s,"likelyDuplicate":%s,"requiredApprovals":%d,"approvers":[],
                 "decidedBy":null,"reason":null,"createdAt":"2026-11-30T10:15:00Z","decidedAt":null}""".formatted(id, type, questionId, proposer, payload, candidates, !"[]".equals(candidates), required);
    }
}
