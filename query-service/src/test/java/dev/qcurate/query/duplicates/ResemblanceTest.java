package dev.qcurate.query.duplicates;

import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Resemblance.Typos} replaced a Lucene Levenshtein automaton per rare term (same first character, then at most
 * n edits with transpositions); it must accept exactly what that automaton accepted.
 */
class ResemblanceTest {

    @Test
    void typosAcceptExactlyWhatTheLevenshteinAutomatonAccepts() {
        List<String> terms = strings("abc", 4, 6);
        List<String> others = strings("abc", 0, 7);
        int compared = 0;
        for (String term : terms) {
            int maxEdits = Resemblance.maxEdits(term);
            CharacterRunAutomaton automaton = automaton(term, maxEdits);
            Resemblance.Typos typos = new Resemblance.Typos(term, maxEdits);
            for (String other : others) {
                assertThat(typos.matches(other))
                        .as("%s ~%d %s", term, maxEdits, other)
                        .isEqualTo(automaton.run(other));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1_000_000);
    }

    @Test
    void typosAgreeOnRealisticTermsToo() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "abcdeéxyz019_\u00df\uD83D\uDE00";
        for (int t = 0; t < 300; t++) {
            String term = random(random, alphabet, 4 + random.nextInt(8));
            int maxEdits = Resemblance.maxEdits(term);
            if (maxEdits == 0) {
                continue;
            }
            CharacterRunAutomaton automaton = automaton(term, maxEdits);
            Resemblance.Typos typos = new Resemblance.Typos(term, maxEdits);
            for (int o = 0; o < 300; o++) {
                String other =
                        o % 2 == 0 ? mutate(term, random, alphabet) : random(random, alphabet, random.nextInt(12));
                assertThat(typos.matches(other))
                        .as("%s ~%d %s", term, maxEdits, other)
                        .isEqualTo(automaton.run(other));
            }
        }
    }

    private static CharacterRunAutomaton automaton(String term, int maxEdits) {
        // exactly how Resemblance built it before
        return new CharacterRunAutomaton(
                new LevenshteinAutomata(term.substring(1), true).toAutomaton(maxEdits, term.substring(0, 1)));
    }

    private static List<String> strings(String alphabet, int minLength, int maxLength) {
        List<String> all = new ArrayList<>();
        List<String> current = List.of("");
        for (int length = 0; length <= maxLength; length++) {
            if (length >= minLength) {
                all.addAll(current);
            }
            List<String> next = new ArrayList<>();
            for (String s : current) {
                for (char c : alphabet.toCharArray()) {
                    next.add(s + c);
                }
            }
            current = next;
        }
        return all;
    }

    private static String random(SplittableRandom random, String alphabet, int length) {
        int[] codePoints = alphabet.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return out.toString();
    }

    /** Up to three random edits (insert, delete, substitute, swap) of {@code term}. */
    private static String mutate(String term, SplittableRandom random, String alphabet) {
        int[] codePoints = alphabet.codePoints().toArray();
        List<Integer> s = new ArrayList<>(term.codePoints().boxed().toList());
        for (int edit = random.nextInt(4); edit > 0 && !s.isEmpty(); edit--) {
            int at = random.nextInt(s.size());
            switch (random.nextInt(4)) {
                case 0 -> s.add(at, codePoints[random.nextInt(codePoints.length)]);
                case 1 -> s.remove(at);
                case 2 -> s.set(at, codePoints[random.nextInt(codePoints.length)]);
                default -> {
                    if (at + 1 < s.size()) {
                        s.add(at + 1, s.remove(at));
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        s.forEach(out::appendCodePoint);
        return out.toString();
    }
}
