package dev.qcurate.command.importing;

/**
 * The document as a whole exceeds {@link ImportLimits}; a subtype of bad input so that a handler for it can answer
 * 413 while everything else stays 400.
 */
class DocumentTooLargeException extends IllegalArgumentException {

    DocumentTooLargeException(String message) {
        super(message);
    }
}
