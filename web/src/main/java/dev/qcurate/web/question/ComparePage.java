package dev.qcurate.web.question;

import dev.qcurate.web.diff.WordDiff;

import java.util.List;

/**
 * Two revisions of a question and their word diff.
 *
 * @param notice why other revisions than the ones asked for are shown, or null
 */
record ComparePage(QuestionDetails question, List<Integer> revisions, int from, int to, WordDiff diff, String notice) {

    static ComparePage of(QuestionDetails question, String fromParam, String toParam) {
        Revisions revisions = new Revisions(question);
        Integer askedTo = number(toParam);
        Integer askedFrom = number(fromParam);
        boolean unknown =
                (toParam != null && !revisions.has(askedTo)) || (fromParam != null && !revisions.has(askedFrom));
        int to = revisions.has(askedTo) ? askedTo : revisions.current();
        int from = revisions.has(askedFrom) ? askedFrom : revisions.before(to);
        String notice = unknown
                ? "This question has no such revision; showing revision " + from + " and revision " + to + " instead."
                : null;
        return new ComparePage(
                question, revisions.numbers(), from, to, WordDiff.of(revisions.text(from), revisions.text(to)), notice);
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
