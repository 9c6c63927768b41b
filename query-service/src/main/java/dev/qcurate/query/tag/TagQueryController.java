package dev.qcurate.query.tag;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tags in use, most used first, optionally those starting with {@code q}; and the old names starting with
 * {@code q}, so a search by an old name shows where it went. The counts are the question projection's
 * {@code tag_usage} table, kept as questions change: a request reads as many rows as it answers.
 */
@RestController
@Validated
@RequiredArgsConstructor
class TagQueryController {

    private final JdbcTemplate jdbc;

    @GetMapping("/api/tags")
    TagView tags(
            @RequestParam(required = false) @Size(max = 40) String q,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        String prefix = (q == null ? "" : q.strip().toLowerCase(Locale.ROOT))
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
        List<Object[]> counts =
                jdbc.query("""
                        SELECT tag, questions FROM tag_usage WHERE tag LIKE ? ESCAPE '\\'
                        ORDER BY questions DESC, tag LIMIT ?""", (rs, row) -> new Object[] {rs.getString(1), rs.getLong(2)}, prefix, limit);
        Map<String, List<String>> oldNames = new HashMap<>();
        jdbc.query(
                "SELECT tag, alias FROM tag_synonym WHERE tag = ANY (?) ORDER BY alias",
                rs -> {
                    oldNames.computeIfAbsent(rs.getString(1), key -> new java.util.ArrayList<>())
                            .add(rs.getString(2));
                },
                (Object) counts.stream().map(c -> (String) c[0]).toArray(String[]::new));
        List<TagView.Tag> items = counts.stream()
                .map(c -> new TagView.Tag((String) c[0], (Long) c[1], oldNames.getOrDefault((String) c[0], List.of())))
                .toList();
        List<TagView.Synonym> synonyms =
                jdbc.query("""
                        SELECT alias, tag FROM tag_synonym WHERE alias LIKE ? ESCAPE '\\' ORDER BY alias LIMIT ?""", (rs, row) -> new TagView.Synonym(rs.getString(1), rs.getString(2)), prefix, limit);
        return new TagView(items, synonyms);
    }
}
