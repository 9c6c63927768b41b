package dev.qcurate.support;

import java.util.Arrays;

/**
 * What a user may do: the values of a token's {@code roles} claim, the same names in both services (see the
 * authorization matrix in docs/security.md).
 */
public enum Role {
    /** Everything, including user management. */
    ADMIN,
    /** Propose changes and create lists. */
    EDITOR,
    /** Approve or reject proposals (never their own); may also propose. */
    REVIEWER,
    /** Read lists and questions. */
    READER;

    /** The names for Spring Security's {@code hasAnyRole}. */
    public static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
