package dev.qcurate.web.imports;

import java.util.List;

/** The outcome page: the import's answer and its proposals flagged as likely duplicates (read now). */
record ImportPage(ImportOutcome outcome, List<FlaggedItem> flagged) {}
