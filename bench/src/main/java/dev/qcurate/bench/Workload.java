package dev.qcurate.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The command mix: editors propose questions, rewordings, tag changes and merges; a reviewer approves them. About
 * half the commands are approvals (every proposal gets one), the rest split propose 40 : reword 30 : tag 20 : merge
 * 10. A question with a proposal in flight is not touched again until it is decided, so no approval goes stale and
 * every command is one the system accepts.
 */
final class Workload {

    enum Kind {
        PROPOSE,
        APPROVE,
        REWORD,
        TAG,
        MERGE
    }

    /** A question nobody has a pending proposal for, and the number of the bench tag it carries (b&lt;n&gt;). */
    static final class QuestionRef {
        final String id;
        int tagNumber;

        QuestionRef(String id) {
            this.id = id;
        }
    }

    private record Pending(String proposalId, Kind kind, QuestionRef question, QuestionRef other) {}

    /** What one command did: its kind, HTTP status and position (-1 when none). */
    record Done(Kind kind, int status, long position) {}

    private final Api api;
    private final String editor;
    private final String reviewer;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final ConcurrentLinkedQueue<QuestionRef> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final AtomicLong tags = new AtomicLong();
    private final AtomicLong lastPosition = new AtomicLong();
    private final Map<Kind, LongAdder> counts = new java.util.EnumMap<>(Kind.class);
    private final LongAdder failures = new LongAdder();

    Workload(Api api, String editor, String reviewer) {
        this.api = api;
        this.editor = editor;
        this.reviewer = reviewer;
        for (Kind kind : Kind.values()) {
            counts.put(kind, new LongAdder());
        }
    }

    /** Creates and approves {@code n} questions, so rewordings, tags and merges have something to work on. */
    void seed(int n) {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            next(random, Kind.PROPOSE);
        }
        Pending p;
        while ((p = poll()) != null) {
            approve(p);
        }
    }

    long lastPosition() {
        return lastPosition.get();
    }

    long failures() {
        return failures.sum();
    }

    Map<String, Long> counts() {
        Map<String, Long> result = new java.util.LinkedHashMap<>();
        counts.forEach((kind, count) -> result.put(kind.name().toLowerCase(), count.sum()));
        return result;
    }

    Done next(SplittableRandom random) {
        int waiting = pendingCount.get();
        if (waiting > 0 && (random.nextBoolean() || waiting > 500)) {
            Pending p = poll();
            if (p != null) {
                return approve(p);
            }
        }
        int r = random.nextInt(100);
        Kind kind = r < 40 ? Kind.PROPOSE : r < 70 ? Kind.REWORD : r < 90 ? Kind.TAG : Kind.MERGE;
        return next(random, kind);
    }

    private Done next(SplittableRandom random, Kind kind) {
        if (kind != Kind.PROPOSE && idleCount.get() < 50) {
            kind = Kind.PROPOSE;
        }
        switch (kind) {
            case REWORD -> {
                QuestionRef q = take();
                if (q == null) {
                    return next(random, Kind.PROPOSE);
                }
                return submit(
                        kind,
                        api.post(
                                editor,
                                "/api/questions/" + q.id + "/rewordings",
                                Map.of("text", Texts.question(random))),
                        q,
                        null);
            }
            case TAG -> {
                QuestionRef q = take();
                if (q == null) {
                    return next(random, Kind.PROPOSE);
                }
                int previous = q.tagNumber;
                q.tagNumber = (int) tags.incrementAndGet(); // before submitting: the approver may release q at once
                List<String> remove = previous == 0 ? List.of() : List.of("b" + previous);
                Api.Answer answer = api.post(
                        editor,
                        "/api/questions/" + q.id + "/tags",
                        Map.of("add", List.of("b" + q.tagNumber), "remove", remove));
                if (!answer.ok()) {
                    q.tagNumber = previous;
                }
                return submit(kind, answer, q, null);
            }
            case MERGE -> {
                QuestionRef source = take();
                QuestionRef target = take();
                if (source == null || target == null) {
                    release(source);
                    release(target);
                    return next(random, Kind.PROPOSE);
                }
                return submit(
                        kind,
                        api.post(editor, "/api/merges", Map.of("sourceId", source.id, "targetId", target.id)),
                        source,
                        target);
            }
            default -> {
                Api.Answer answer = api.post(
                        editor,
                        "/api/questions",
                        Map.of("text", Texts.question(random), "tags", List.of(Texts.tag(random))));
                return submit(
                        Kind.PROPOSE, answer, answer.ok() ? new QuestionRef(answer.text("questionId")) : null, null);
            }
        }
    }

    private Done submit(Kind kind, Api.Answer answer, QuestionRef question, QuestionRef other) {
        if (answer.ok()) {
            pending.add(new Pending(answer.text("proposalId"), kind, question, other));
            pendingCount.incrementAndGet();
        } else if (kind != Kind.PROPOSE) {
            release(question);
            release(other);
        }
        return done(kind, answer);
    }

    private Done approve(Pending p) {
        Api.Answer answer = api.post(reviewer, "/api/proposals/" + p.proposalId() + "/approval", Map.of());
        if (p.kind() == Kind.MERGE && answer.ok()) {
            release(p.other()); // the source is merged away; the target lives on
        } else {
            release(p.question());
            release(p.other());
        }
        return done(Kind.APPROVE, answer);
    }

    private Done done(Kind kind, Api.Answer answer) {
        if (answer.ok()) {
            counts.get(kind).increment();
            lastPosition.accumulateAndGet(answer.position(), Math::max);
        } else {
            failures.increment();
            if (failures.sum() <= 5) {
                System.err.println("bench: " + kind + " answered " + answer.status() + ": " + answer.body());
            }
        }
        return new Done(kind, answer.status(), answer.position());
    }

    private Pending poll() {
        Pending p = pending.poll();
        if (p != null) {
            pendingCount.decrementAndGet();
        }
        return p;
    }

    private QuestionRef take() {
        QuestionRef q = idle.poll();
        if (q != null) {
            idleCount.decrementAndGet();
        }
        return q;
    }

    private void release(QuestionRef q) {
        if (q != null) {
            idle.add(q);
            idleCount.incrementAndGet();
        }
    }
}
