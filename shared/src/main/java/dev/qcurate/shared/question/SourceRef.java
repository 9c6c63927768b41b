package dev.qcurate.shared.question;

import java.util.UUID;

/**
 * Where a question came from: the document it was imported from, its line there, and the import that brought it.
 * All parts are optional ({@code null}) for questions typed in by hand.
 */
public record SourceRef(String document, Integer line, UUID importId) {}
