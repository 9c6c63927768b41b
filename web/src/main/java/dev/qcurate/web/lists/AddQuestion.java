package dev.qcurate.web.lists;

import java.util.List;

/**
 * The editors' "add a question" search on a list page.
 *
 * @param searched true when a search ran (so "no question found" can be said)
 * @param error    why the search was not run or failed
 */
record AddQuestion(String q, List<QuestionHit> hits, boolean searched, String error) {}
