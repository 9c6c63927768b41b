/** Messages about proposals: every change goes through one, and reviewers approve or reject it. */
package dev.qcurate.shared.proposal;
