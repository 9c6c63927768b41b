package dev.qcurate.command.importing;

/** The query service, which holds the duplicate index, could not answer; the import stops before proposing. */
class DuplicateCheckUnavailableException extends RuntimeException {

    DuplicateCheckUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
