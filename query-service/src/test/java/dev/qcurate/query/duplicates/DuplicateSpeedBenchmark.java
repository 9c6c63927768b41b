package dev.qcurate.query.duplicates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Candidate lookup latency over 100,000 generated questions. Not a timed test: it prints p50/p99 per repetition and
 * their medians. Skipped unless {@code -Dqcurate.benchmark=true} (see src/test/resources/duplicates/README.md).
 *
 * <p>Questions are built from the seed questions' own phrasing and content words: content words are drawn with a
 * Zipf-like skew (a few very common ones such as "python" and "django", a long tail), a fifth of the words come from
 * 20,000 rarer compound identifiers (library and setting names), and 5% of words carry a typo.
 */
@EnabledIfSystemProperty(named = "qcurate.benchmark", matches = "true")
class DuplicateSpeedBenchmark {

    private static final int QUESTIONS = Integer.getInteger("qcurate.benchmark.questions", 100_000);
    private static final int QUERIES = 1_000;
    private static final int WARM_UP_ROUNDS = 1;
    private static final int REPETITIONS = 3;
    /** Concurrent clients of candidates(text), as suggestions while typing for several editors. */
    private static final int CLIENTS = 8;

    private static final int EMBEDDING_SAMPLE = 512;
    private static final int LIMIT = 10;
    /** An import at the document limit. */
    private static final int BATCH_ITEMS = Integer.getInteger("qcurate.benchmark.batch", 10_000);

    private static final String[] TEMPLATES = {
        "What is %s in %s ?", "%s vs %s ?", "What is the difference between %s and %s?",
        "How do you %s %s in %s ?", "Explain %s and %s with example.", "What are the %s %s in %s?",
        "How does %s handle %s?", "What is %s %s ? What is the use case of it ?", "%s %s %s ?",
        "Write a program to %s %s ?", "Pros and cons of %s and %s ?", "How to %s %s %s in production ?"
    };

    private final Random random = new Random(42);
    private List<String> vocabulary;
    private List<String> tail;

    @Test
    void reportsLookupLatency() {
        vocabulary = seedVocabulary();
        tail = compoundIdentifiers(20_000);
        SentenceModel model = SentenceModel.shared();
        List<String> sample = new ArrayList<>();
        while (sample.size() < EMBEDDING_SAMPLE) {
            sample.add(question());
        }
        model.embed(sample.subList(0, 32)); // warm-up
        long singleStart = System.nanoTime();
        sample.forEach(text -> model.embed(List.of(text)));
        double singleMillis = (System.nanoTime() - singleStart) / 1e6 / sample.size();
        long batchedStart = System.nanoTime();
        model.embed(sample);
        double batchedMillis = (System.nanoTime() - batchedStart) / 1e6 / sample.size();
        try (DuplicateIndex index = new DuplicateIndex()) {
            long heapBefore = usedHeapAfterGc();
            long start = System.nanoTime();
            List<UUID> ids = new ArrayList<>(QUESTIONS);
            List<IndexEntry> entries = new ArrayList<>();
            for (String seed : SeedQuestions.all()) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                entries.add(new IndexEntry(id, seed, List.of(), true));
            }
            while (ids.size() < QUESTIONS) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                entries.add(new IndexEntry(id, question(), List.of(), random.nextInt(20) != 0));
                if (entries.size() == 512) {
                    index.upsertAll(entries);
                    entries.clear();
                }
            }
            index.upsertAll(entries);
            int size = index.size();
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            long indexBytes = index.ramBytesUsed();
            long heapDelta = usedHeapAfterGc() - heapBefore;

            List<String> queries = new ArrayList<>(QUERIES);
            List<String> seeds = SeedQuestions.all();
            while (queries.size() < QUERIES) {
                queries.add(queries.size() % 2 == 0 ? typo(seeds.get(random.nextInt(seeds.size()))) : question());
            }
            List<UUID> lookups = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                lookups.add(ids.get(random.nextInt(ids.size())));
            }

            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                queries.forEach(query -> index.candidates(query, LIMIT, Set.of()));
                lookups.forEach(id -> index.candidatesOf(id, LIMIT));
            }
            double[][] byText = new double[REPETITIONS][];
            double[][] byId = new double[REPETITIONS][];
            double[][] byTextConcurrent = new double[REPETITIONS][];
            for (int repetition = 0; repetition < REPETITIONS; repetition++) {
                byText[repetition] = percentiles(time(queries, query -> index.candidates(query, LIMIT, Set.of())));
                byId[repetition] = percentiles(time(lookups, id -> index.candidatesOf(id, LIMIT)));
                byTextConcurrent[repetition] =
                        percentiles(concurrently(queries, query -> index.candidates(query, LIMIT, Set.of())));
            }

            List<BatchItem> batch = new ArrayList<>();
            for (int i = 0; i < BATCH_ITEMS; i++) {
                batch.add(
                        new BatchItem(UUID.randomUUID(), i % 2 == 0 ? question() : typo(seeds.get(i % seeds.size()))));
            }
            long batchStart = System.nanoTime();
            index.candidatesForBatch(batch, LIMIT);
            double batchMillis = (System.nanoTime() - batchStart) / 1e6;

            StringBuilder report = new StringBuilder();
            report.append(String.format(
                    Locale.ROOT,
                    "Indexed %,d questions (%d seeds + generated, 5%% not searchable)"
                            + " in %.1f s; vocabulary %d seed words + %d compound identifiers; %d cores%n",
                    size,
                    seeds.size(),
                    indexSeconds,
                    vocabulary.size(),
                    tail.size(),
                    Runtime.getRuntime().availableProcessors()));
            report.append(String.format(
                    Locale.ROOT,
                    "%d lookups per repetition, limit %d, after %d warm-up rounds%n",
                    QUERIES,
                    LIMIT,
                    WARM_UP_ROUNDS));
            report.append(String.format(
                    Locale.ROOT,
                    "Embedding (bge-small-en-v1.5-q, in process): %.2f ms per text one "
                            + "at a time, %.2f ms per text in a batch of %d%n",
                    singleMillis,
                    batchedMillis,
                    sample.size()));
            report.append(String.format(
                    Locale.ROOT,
                    "Index memory: %.0f MB of Lucene files and buffers (%.0f MB per "
                            + "100k questions); heap growth after GC %.0f MB%n",
                    indexBytes / 1e6,
                    indexBytes / 1e6 * 100_000 / size,
                    heapDelta / 1e6));
            appendTimes(report, "candidates(text)     ", byText);
            appendTimes(report, "candidates(text) x" + CLIENTS + " ", byTextConcurrent);
            appendTimes(report, "candidatesOf(id)     ", byId);
            report.append(String.format(
                    Locale.ROOT,
                    "candidatesForBatch(%,d items): %.0f ms (%.2f ms per item)%n",
                    batch.size(),
                    batchMillis,
                    batchMillis / batch.size()));
            System.out.println(report);
        }
    }

    private static <T> double[] time(List<T> inputs, java.util.function.Consumer<T> lookup) {
        double[] millis = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            long start = System.nanoTime();
            lookup.accept(inputs.get(i));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /** The lookups shared among {@value #CLIENTS} threads, each timing its own; all times together. */
    private static <T> double[] concurrently(List<T> inputs, java.util.function.Consumer<T> lookup) {
        double[] millis = new double[inputs.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread client = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    lookup.accept(inputs.get(i));
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            });
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            try {
                client.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return millis;
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double[] percentiles(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[(int) (sorted.length * 0.50)], sorted[(int) Math.ceil(sorted.length * 0.99) - 1]};
    }

    private static void appendTimes(StringBuilder report, String label, double[][] repetitions) {
        double[] p50 =
                Arrays.stream(repetitions).mapToDouble(r -> r[0]).sorted().toArray();
        double[] p99 =
                Arrays.stream(repetitions).mapToDouble(r -> r[1]).sorted().toArray();
        report.append(String.format(
                Locale.ROOT,
                "%s median of %d repetitions: p50 %.2f ms, p99 %.2f ms" + "   (p99 per repetition: %s)%n",
                label,
                repetitions.length,
                p50[p50.length / 2],
                p99[p99.length / 2],
                Arrays.toString(Arrays.stream(repetitions)
                        .mapToDouble(r -> Math.round(r[1] * 100) / 100.0)
                        .toArray())));
    }

    private String question() {
        String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        int slots = template.split("%s", -1).length - 1;
        Object[] words = new Object[slots];
        for (int i = 0; i < slots; i++) {
            String word =
                    random.nextInt(5) == 0 ? tail.get(zipf(tail.size())) : vocabulary.get(zipf(vocabulary.size()));
            words[i] = random.nextInt(20) == 0 ? typo(word) : word;
        }
        return String.format(Locale.ROOT, template, words);
    }

    /** Rank-skewed index: rank r is drawn with probability roughly proportional to 1 / r. */
    private int zipf(int size) {
        return (int) Math.min(size - 1, Math.floor(Math.pow(size + 1, random.nextDouble())) - 1);
    }

    /** Swaps two adjacent letters of one word of the text. */
    private String typo(String text) {
        String[] words = text.split(" ");
        int w = random.nextInt(words.length);
        String word = words[w];
        if (word.length() > 3) {
            int i = 1 + random.nextInt(word.length() - 2);
            char[] chars = word.toCharArray();
            char swap = chars[i];
            chars[i] = chars[i + 1];
            chars[i + 1] = swap;
            words[w] = new String(chars);
        }
        return String.join(" ", words);
    }

    /** Content words of the seeds, most frequent first. */
    private static List<String> seedVocabulary() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        Set<String> phrasing = Set.of(
                "what",
                "are",
                "the",
                "and",
                "how",
                "you",
                "use",
                "with",
                "for",
                "does",
                "explain",
                "difference",
                "between",
                "its",
                "can",
                "your",
                "which",
                "that",
                "this",
                "who",
                "why");
        for (String question : SeedQuestions.all()) {
            for (String word : question.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
                if (word.length() >= 3 && !phrasing.contains(word)) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(java.util.Map.Entry::getKey)
                .toList();
    }

    private List<String> compoundIdentifiers(int count) {
        Set<String> identifiers = new LinkedHashSet<>();
        while (identifiers.size() < count) {
            String a = vocabulary.get(random.nextInt(vocabulary.size()));
            String b = vocabulary.get(random.nextInt(vocabulary.size()));
            identifiers.add(a.substring(0, Math.min(a.length(), 3 + random.nextInt(4)))
                    + (random.nextBoolean() ? "_" : "")
                    + b.substring(0, Math.min(b.length(), 3 + random.nextInt(4))));
        }
        return new ArrayList<>(identifiers);
    }
}
