package dev.qcurate.command.tag;

import dev.qcurate.shared.question.QuestionId;

import java.util.*;

/** A {@link TagIndex} for handler tests: the questions carrying each tag and the synonyms, as the test sets them. */
public final class InMemoryTagIndex implements TagIndex {

    private final Map<QuestionId, List<String>> tagsByQuestion = new HashMap<>();
    private final Map<String, String> currentByAlias = new HashMap<>();

    public InMemoryTagIndex carries(QuestionId question, String... tags) {
        tagsByQuestion.put(question, List.of(tags));
        return this;
    }

    public InMemoryTagIndex synonym(String alias, String current) {
        currentByAlias.put(alias, current);
        return this;
    }

    @Override
    public Map<String, String> currentFor(Collection<String> tags) {
        Map<String, String> found = new HashMap<>();
        tags.stream().filter(currentByAlias::containsKey).forEach(tag -> found.put(tag, currentByAlias.get(tag)));
        return found;
    }

    @Override
    public boolean inUse(String tag) {
        return tagsByQuestion.values().stream().anyMatch(tags -> tags.contains(tag));
    }

    @Override
    public List<QuestionId> questionsCarrying(Collection<String> tags, int limit) {
        return tagsByQuestion.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(tags::contains))
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing(QuestionId::value))
                .limit(limit)
                .toList();
    }
}
