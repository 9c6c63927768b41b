package dev.qcurate.query.tag;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Resolves a tag filter: a tag, or an old name of it, stands for the current tag and all its old names. */
@Component
public class TagSynonyms {

    private final JdbcTemplate jdbc;

    TagSynonyms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The names a filter by {@code tag} matches: the current tag first, then its old names. Questions that were out of
     * review when a rename applied (retired, merged) keep the old name, so a filter matches every name.
     */
    public String[] namesFor(String tag) {
        String wanted = tag.strip().toLowerCase(Locale.ROOT);
        String current = jdbc.queryForList("SELECT tag FROM tag_synonym WHERE alias = ?", String.class, wanted)
                .stream().findFirst().orElse(wanted);
        List<String> names = new ArrayList<>();
        names.add(current);
        names.addAll(jdbc.queryForList("SELECT alias FROM tag_synonym WHERE tag = ? ORDER BY alias", String.class,
                current));
        return names.toArray(String[]::new);
    }
}
