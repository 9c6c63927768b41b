package dev.qcurate.query.tag;

import java.util.List;
import java.util.Locale;

/**
 * Resolves a tag filter in SQL: a tag, or an old name of it, stands for the current tag and all its old names.
 * Questions that were out of review when a rename applied (retired, merged) keep the old name, so a filter matches
 * every name. A fragment rather than a lookup, so the filtering queries need no extra round trip or collaborator.
 */
public final class TagSynonyms {

    /** An SQL {@code text[]} of the names a filter by one tag matches; bind {@link #arguments} for its parameters. */
    public static final String NAMES = """
            ARRAY(SELECT coalesce((SELECT tag FROM tag_synonym WHERE alias = ?), ?)
                  UNION SELECT alias FROM tag_synonym WHERE tag = coalesce((SELECT tag FROM tag_synonym WHERE alias = ?), ?)
            )::text[]""";

    private TagSynonyms() {}

    /** The parameters of {@link #NAMES} for a filter by {@code tag}. */
    public static List<Object> arguments(String tag) {
        String wanted = tag.strip().toLowerCase(Locale.ROOT);
        return List.of(wanted, wanted, wanted, wanted);
    }
}
