package dev.qcurate.query.question;

import dev.qcurate.shared.question.QuestionStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The changes a batch makes to {@code tag_usage}: per tag, how many PROPOSED or ACTIVE questions carry it. Counted
 * from each row's state before and after the batch, so the counts follow every event that moves a question's tags
 * or status, and a rebuild gives the same table.
 */
final class TagUsage {

    /** Sorted, so concurrent batches update the counts' rows in one order. */
    private final Map<String, Integer> changes = new TreeMap<>();

    void count(QuestionState before, QuestionState after) {
        add(before, -1);
        add(after, +1);
    }

    void write(JdbcTemplate jdbc) {
        List<Object[]> more = rows(+1);
        List<Object[]> fewer = rows(-1);
        if (!more.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO tag_usage AS u (tag, questions) VALUES (?, ?)
                    ON CONFLICT (tag) DO UPDATE SET questions = u.questions + excluded.questions""", more);
        }
        if (fewer.isEmpty()) {
            return;
        }
        // a tag that loses carriers is counted already; below 0 (the CHECK) or missing would mean lost track
        int[] updated = jdbc.batchUpdate(
                "UPDATE tag_usage SET questions = questions - ? WHERE tag = ?",
                fewer.stream().map(row -> new Object[] {row[1], row[0]}).toList());
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                throw new IllegalStateException("tag_usage has no count for '" + fewer.get(i)[0] + "'");
            }
        }
        jdbc.update("DELETE FROM tag_usage WHERE tag = ANY (?) AND questions = 0", (Object)
                fewer.stream().map(row -> (String) row[0]).toArray(String[]::new));
    }

    /** The tags whose count goes up ({@code sign} +1) or down (-1), each with by how much. */
    private List<Object[]> rows(int sign) {
        return changes.entrySet().stream()
                .filter(change -> Integer.signum(change.getValue()) == sign)
                .map(change -> new Object[] {change.getKey(), Math.abs(change.getValue())})
                .toList();
    }

    private void add(QuestionState state, int sign) {
        if (state != null && (state.is(QuestionStatus.PROPOSED) || state.is(QuestionStatus.ACTIVE))) {
            state.tags().forEach(tag -> changes.merge(tag, sign, Integer::sum));
        }
    }
}
