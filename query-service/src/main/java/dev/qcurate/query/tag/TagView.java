package dev.qcurate.query.tag;

import java.util.List;

/** The tags in use: each with how many proposed or active questions carry it and its old names. */
public record TagView(List<Tag> items, List<Synonym> synonyms) {

    public record Tag(String tag, long questions, List<String> synonyms) {}

    /** An old name and the tag it now stands for. */
    public record Synonym(String alias, String tag) {}
}
