package dev.qcurate.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Question texts that look like a real bank's: templates filled from a technical vocabulary, so the duplicate index
 * sees realistic term statistics (many shared words, few exact repeats).
 */
final class Texts {

    private static final List<String> TEMPLATES = List.of(
            "What is the difference between %s and %s in %s?",
            "How do you configure %s to work with %s when using %s?",
            "Why would you choose %s over %s for a %s project?",
            "Explain how %s interacts with %s during %s.",
            "When should %s be preferred to %s in %s?",
            "What problem does %s solve that %s does not, in %s?",
            "How can %s be tested together with %s in %s?",
            "Describe a common mistake with %s and %s in %s.");
    private static final List<String> TERMS = List.of(
            "a hash map",
            "a linked list",
            "a binary tree",
            "a thread pool",
            "a mutex",
            "a semaphore",
            "garbage collection",
            "reference counting",
            "an index",
            "a foreign key",
            "a transaction",
            "optimistic locking",
            "a cache",
            "a message queue",
            "an event log",
            "a snapshot",
            "a projection",
            "a load balancer",
            "a reverse proxy",
            "TLS",
            "a certificate",
            "OAuth",
            "a JSON web token",
            "a session cookie",
            "a REST endpoint",
            "GraphQL",
            "gRPC",
            "WebSockets",
            "a virtual machine",
            "a container",
            "a Kubernetes pod",
            "a deployment",
            "a cron job",
            "a stream",
            "a generator",
            "a coroutine",
            "a promise",
            "a callback",
            "an interface",
            "an abstract class",
            "a closure",
            "a lambda",
            "recursion",
            "memoisation",
            "dynamic programming",
            "a bloom filter",
            "a trie",
            "a heap",
            "a priority queue",
            "consistent hashing",
            "sharding",
            "replication",
            "a write-ahead log",
            "a B-tree",
            "an LSM tree",
            "a vector clock",
            "a quorum",
            "leader election",
            "back-pressure",
            "idempotency");
    private static final List<String> CONTEXTS = List.of(
            "Java",
            "Python",
            "Go",
            "Rust",
            "TypeScript",
            "PostgreSQL",
            "Kafka",
            "Linux",
            "a web application",
            "a distributed system",
            "a mobile app",
            "an embedded device",
            "a data pipeline",
            "a microservice",
            "a batch job",
            "a game engine",
            "a compiler",
            "an operating system",
            "a search engine",
            "a spreadsheet");
    static final List<String> TAGS = List.of(
            "java",
            "python",
            "databases",
            "networking",
            "security",
            "algorithms",
            "distributed",
            "web",
            "testing",
            "os",
            "concurrency",
            "cloud");

    private Texts() {}

    static String question(SplittableRandom random) {
        String template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
        String a = TERMS.get(random.nextInt(TERMS.size()));
        String b = TERMS.get(random.nextInt(TERMS.size()));
        String c = CONTEXTS.get(random.nextInt(CONTEXTS.size()));
        // a number keeps texts distinct, as real banks rarely repeat a question word for word
        return String.format(template, a, b, c)
                .replace("?", " (" + random.nextInt(1_000_000) + ")?")
                .replace(".", " (" + random.nextInt(1_000_000) + ").");
    }

    /** A near-duplicate of {@code text}: what an editor types when the question exists already. */
    static String variant(String text, SplittableRandom random) {
        String shorter = text.replaceAll(" \\(\\d+\\)", "");
        return random.nextBoolean() ? shorter.replace("What is", "Whats") : shorter.toLowerCase();
    }

    static String tag(SplittableRandom random) {
        return TAGS.get(random.nextInt(TAGS.size()));
    }
}
