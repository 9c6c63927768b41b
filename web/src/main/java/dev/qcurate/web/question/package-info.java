/** Proposing questions (with duplicate hints while typing) and the question page: history, revisions, editors' changes. */
package dev.qcurate.web.question;
