package dev.qcurate.web.tags;

import dev.qcurate.web.services.Services;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The tag calls: the tags in use on the query service, rename proposals on the command service. */
@Component
@RequiredArgsConstructor
class TagsClient {

    private final Services services;

    /** {@code GET /api/tags}: tags with question counts and old names, and old names matching {@code q}. */
    record Tags(List<Tag> items, List<Synonym> synonyms) {
        Tags {
            items = items == null ? List.of() : items;
            synonyms = synonyms == null ? List.of() : synonyms;
        }
    }

    record Tag(String tag, long questions, List<String> synonyms) {
        Tag {
            synonyms = synonyms == null ? List.of() : synonyms;
        }
    }

    record Synonym(String alias, String tag) {}

    Tags tags(String q) {
        Tags tags = services.query()
                .get(
                        "/api/tags",
                        q == null || q.isBlank() ? Map.of("limit", 200) : Map.of("q", q.strip(), "limit", 200),
                        Tags.class);
        return tags == null ? new Tags(List.of(), List.of()) : tags;
    }

    void proposeRename(List<String> from, String to) {
        services.command().post("/api/tag-renames", Map.of("from", from, "to", to));
    }
}
