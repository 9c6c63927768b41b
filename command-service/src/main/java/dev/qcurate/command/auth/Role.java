package dev.qcurate.command.auth;

/** What a user may do; see the authorization matrix in docs/security.md. */
public enum Role {
    /** Everything, including user management. */
    ADMIN,
    /** Propose changes and create lists. */
    EDITOR,
    /** Approve or reject proposals (never their own); may also propose. */
    REVIEWER,
    /** Read lists and questions. */
    READER
}
