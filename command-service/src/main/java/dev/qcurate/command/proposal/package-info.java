/** Proposals and their review: submission, four-eyes approval, rejection, and applying approved changes. */
package dev.qcurate.command.proposal;
