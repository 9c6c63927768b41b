package dev.qcurate.query.duplicates;

import org.apache.lucene.index.IndexReader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calibrated score of one candidate: an IDF-weighted Dice overlap of the analysed terms, read from the index
 * statistics of the searcher that found it. BM25 scores only rank within one query; this one means the same for
 * every query, so a single threshold can flag duplicates. One instance serves one lookup (it caches per reader).
 *
 * <p>Lexical look-alikes are held down in two ways: every distinctive term that only one side has weighs on the
 * denominator (so "context processor" vs "context manager" shares one term out of four heavy ones), and two
 * questions about different subjects (Python vs Django, SQL vs NoSQL) lose half their score.
 */
final class Resemblance {

    /** What a fuzzy (typo) match earns compared with an exact one. */
    static final double FUZZY_CREDIT = 0.8;

    static final double SUBJECT_CONFLICT_FACTOR = 0.5;

    /** Words naming what a question is about; {@code drf} counts as Django. */
    private static final Map<String, String> SUBJECTS = subjects();

    private final DocFreqs docFreqs;
    private final int documents;
    private final Map<String, Typos> typos = new HashMap<>();

    Resemblance(IndexReader reader) {
        this.docFreqs = DocFreqs.of(reader);
        this.documents = Math.max(reader.maxDoc(), 1);
    }

    /**
     * What a match between single sentences of multi-part questions earns: "Iterators vs generators? Write a
     * Fibonacci iterator." does contain "Iterators vs generators?", but says more.
     */
    static final double PART_CREDIT = 0.9;

    /** The analysed terms of a whole text or alias, or of one sentence of it ({@code part}). */
    record Variant(Set<String> terms, boolean part) {}

    /** Best score of any query variant against any candidate variant. */
    double score(List<Variant> queryVariants, List<Variant> candidateVariants) {
        double factor = subjectsConflict(union(queryVariants), union(candidateVariants)) ? SUBJECT_CONFLICT_FACTOR : 1;
        double best = 0;
        for (Variant query : queryVariants) {
            for (Variant candidate : candidateVariants) {
                double credit = factor * (query.part() || candidate.part() ? PART_CREDIT : 1);
                if (credit > best) {
                    best = Math.max(best, credit * score(query.terms(), candidate.terms()));
                }
            }
        }
        return best;
    }

    double score(Set<String> query, Set<String> candidate) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return 0;
        }
        double total = 0;
        for (String term : query) {
            total += idf(term);
        }
        for (String term : candidate) {
            total += idf(term);
        }
        double shared = 0;
        Set<String> unmatchedCandidate = new LinkedHashSet<>(candidate);
        List<String> unmatchedQuery = new ArrayList<>();
        for (String term : query) {
            if (unmatchedCandidate.remove(term)) {
                shared += 2 * idf(term);
            } else {
                unmatchedQuery.add(term);
            }
        }
        shared += typoMatches(unmatchedQuery, unmatchedCandidate);
        shared += typoMatches(unmatchedCandidate, unmatchedQuery);
        return Math.min(1, shared / total);
    }

    /** Each side names a subject (Python, Django, SQL, ...) and they share none. */
    static boolean subjectsConflict(List<Variant> queryVariants, List<Variant> candidateVariants) {
        return subjectsConflict(union(queryVariants), union(candidateVariants));
    }

    private static Set<String> union(List<Variant> variants) {
        Set<String> terms = new LinkedHashSet<>();
        variants.forEach(variant -> terms.addAll(variant.terms()));
        return terms;
    }

    /** Pairs each rare term of {@code from} with a term of {@code to} within its edit distance, removing both. */
    private double typoMatches(Collection<String> from, Collection<String> to) {
        double shared = 0;
        for (var fromTerms = from.iterator(); fromTerms.hasNext() && !to.isEmpty(); ) {
            String term = fromTerms.next();
            Typos typos = typosOf(term);
            if (typos == null) {
                continue;
            }
            for (var toTerms = to.iterator(); toTerms.hasNext(); ) {
                String other = toTerms.next();
                if (typos.matches(other)) {
                    shared += FUZZY_CREDIT * (idf(term) + idf(other));
                    toTerms.remove();
                    fromTerms.remove();
                    break;
                }
            }
        }
        return shared;
    }

    /**
     * A term that at most one indexed question uses (its own, when the query is an indexed question) is not
     * confirmed by the index vocabulary, so it may be a typo: it gets fuzzy matching. Common terms do not, which
     * keeps "model" from matching "mode".
     */
    boolean mayBeTypo(String term) {
        return maxEdits(term) > 0 && docFreq(term) <= 1;
    }

    static int maxEdits(String term) {
        int length = term.codePointCount(0, term.length());
        return length >= 5 ? 2 : length >= 4 ? 1 : 0;
    }

    double idf(String term) {
        int df = docFreq(term);
        return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }

    private int docFreq(String term) {
        return docFreqs.of(term);
    }

    private Typos typosOf(String term) {
        if (!mayBeTypo(term)) {
            return null;
        }
        return typos.computeIfAbsent(term, t -> new Typos(t, maxEdits(t)));
    }

    /**
     * The strings a typo of {@code term} may be: the same first character, then at most {@code maxEdits} insertions,
     * deletions, substitutions or swaps of adjacent characters (optimal string alignment) in the rest — what Lucene's
     * {@code LevenshteinAutomata(rest, true).toAutomaton(maxEdits, first)} accepts, computed directly: building that
     * automaton cost about a millisecond per rare term, most of a lookup's time (ResemblanceTest compares the two).
     */
    static final class Typos {

        private final char first;
        private final int[] rest;
        private final int maxEdits;

        Typos(String term, int maxEdits) {
            this.first = term.charAt(0);
            this.rest = term.substring(1).codePoints().toArray();
            this.maxEdits = maxEdits;
        }

        boolean matches(String other) {
            if (other.isEmpty() || other.codePointAt(0) != first) {
                return false;
            }
            int[] candidate =
                    other.substring(Character.charCount(first)).codePoints().toArray();
            return withinEdits(rest, candidate, maxEdits);
        }

        /** Optimal string alignment distance of {@code a} and {@code b} is at most {@code max}. */
        static boolean withinEdits(int[] a, int[] b, int max) {
            if (Math.abs(a.length - b.length) > max) {
                return false;
            }
            int[][] d = new int[a.length + 1][b.length + 1];
            for (int i = 0; i <= a.length; i++) {
                d[i][0] = i;
            }
            for (int j = 0; j <= b.length; j++) {
                d[0][j] = j;
            }
            for (int i = 1; i <= a.length; i++) {
                for (int j = 1; j <= b.length; j++) {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                        best = Math.min(best, d[i - 2][j - 2] + 1);
                    }
                    d[i][j] = best;
                }
            }
            return d[a.length][b.length] <= max;
        }
    }

    private static boolean subjectsConflict(Set<String> query, Set<String> candidate) {
        Set<String> querySubjects = subjectsOf(query);
        Set<String> candidateSubjects = subjectsOf(candidate);
        if (querySubjects.isEmpty() || candidateSubjects.isEmpty()) {
            return false;
        }
        querySubjects.retainAll(candidateSubjects);
        return querySubjects.isEmpty();
    }

    private static Set<String> subjectsOf(Set<String> terms) {
        Set<String> subjects = new LinkedHashSet<>();
        for (String term : terms) {
            String subject = SUBJECTS.get(term);
            if (subject != null) {
                subjects.add(subject);
            }
        }
        return subjects;
    }

    private static Map<String, String> subjects() {
        Map<String, String> subjects = new HashMap<>();
        try (QuestionAnalyzer analyzer = new QuestionAnalyzer()) {
            for (String word : List.of(
                    "python",
                    "django",
                    "flask",
                    "java",
                    "celery",
                    "redis",
                    "sql",
                    "nosql",
                    "mongodb",
                    "postgresql",
                    "docker",
                    "elasticsearch",
                    "numpy",
                    "pandas",
                    "javascript")) {
                analyzer.terms(word).forEach(term -> subjects.put(term, term));
            }
            analyzer.terms("drf").forEach(term -> subjects.put(term, "django"));
        }
        return Map.copyOf(subjects);
    }
}
