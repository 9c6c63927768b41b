/** Word-level diffs of question texts and tag changes, rendered as escaped HTML with {@code <ins>}/{@code <del>}. */
package dev.qcurate.web.diff;
