/**
 * Messages about single questions: their proposal, wording, tags, lifecycle and merges; the events form the sealed
 * family {@link dev.qcurate.shared.question.QuestionEvent}.
 */
package dev.qcurate.shared.question;
