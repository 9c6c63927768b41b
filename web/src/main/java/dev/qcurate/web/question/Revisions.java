package dev.qcurate.web.question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of a question by revision, from its history: the text after the last step of each revision (a step
 * that changes only the status keeps the revision and its text).
 */
final class Revisions {

    private final Map<Integer, String> texts = new LinkedHashMap<>();
    private final int current;

    Revisions(QuestionDetails question) {
        question.history().stream()
                .sorted((a, b) -> Integer.compare(a.revision(), b.revision()))
                .forEach(step -> texts.put(step.revision(), step.text() == null ? "" : step.text()));
        texts.putIfAbsent(question.revision(), question.text());
        this.current = question.revision();
    }

    List<Integer> numbers() {
        return new ArrayList<>(texts.keySet());
    }

    boolean has(Integer revision) {
        return revision != null && texts.containsKey(revision);
    }

    String text(int revision) {
        return texts.get(revision);
    }

    int current() {
        return current;
    }

    /** The revision before {@code revision}, or {@code revision} itself when it is the first. */
    int before(int revision) {
        return texts.keySet().stream()
                .filter(number -> number < revision)
                .max(Integer::compare)
                .orElse(revision);
    }
}
