package dev.qcurate.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The {@code tag_synonym} table both services keep (alias → the tag it now stands for), and the one rule a rename
 * applies to it, so both sides resolve an old name to the same tag: the old names of a renamed tag follow it, a tag
 * renamed back to an old name stops being one, and each renamed tag becomes an old name of the new one. Every alias
 * points at its tag in one step.
 */
public final class TagSynonymTable {

    private TagSynonymTable() {}

    /** Applies the rename of {@code from} to {@code to}, in the caller's transaction. */
    public static void rename(JdbcTemplate jdbc, List<String> from, String to) {
        String[] renamed = from.toArray(String[]::new);
        jdbc.update("UPDATE tag_synonym SET tag = ? WHERE tag = ANY (?)", to, renamed);
        jdbc.update("DELETE FROM tag_synonym WHERE alias = ?", to);
        jdbc.update("""
                INSERT INTO tag_synonym (alias, tag) SELECT unnest(?::text[]), ?
                ON CONFLICT (alias) DO UPDATE SET tag = excluded.tag""", renamed, to);
    }
}
