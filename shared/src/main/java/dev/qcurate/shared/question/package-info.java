/** Messages about single questions: their proposal, wording, tags, lifecycle and merges. */
package dev.qcurate.shared.question;
