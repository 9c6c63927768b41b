package dev.qcurate.command.tag;

import dev.qcurate.shared.question.QuestionId;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the command side knows about tags outside any aggregate: the current tags of proposed and active questions,
 * and the synonyms renames left. Kept in the transaction of the events that change them, so it never lags.
 */
public interface TagIndex {

    /** For those of {@code tags} that are old names (synonyms): the current tag each stands for. */
    Map<String, String> currentFor(Collection<String> tags);

    /** Whether any proposed or active question carries {@code tag}. */
    boolean inUse(String tag);

    /** Up to {@code limit} proposed or active questions carrying any of {@code tags}, in id order. */
    List<QuestionId> questionsCarrying(Collection<String> tags, int limit);
}
