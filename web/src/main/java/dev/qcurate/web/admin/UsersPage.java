package dev.qcurate.web.admin;

import java.util.List;

/**
 * The users page: every user, the new-user form as typed, and a refused row action with its message.
 *
 * @param rowError  the refused action on one row, or null
 */
record UsersPage(List<UserRow> users, NewUser newUser, String newUserError, RowError rowError) {

    static final List<String> ROLES = List.of("READER", "EDITOR", "REVIEWER", "ADMIN");

    public List<String> roles() {
        return ROLES;
    }

    /** What was typed into "Create user", without the password (never echoed back). */
    record NewUser(String username, List<String> roles) {}

    /** A refused action on one user's row; for roles, the boxes as they were ticked. */
    record RowError(String username, String action, String message, List<String> roles) {}

    public String errorFor(String username, String action) {
        return rowError != null
                        && rowError.username().equals(username)
                        && rowError.action().equals(action)
                ? rowError.message()
                : null;
    }

    /** The roles ticked in a row: as typed after a refused change, else the user's own. */
    public List<String> tickedRoles(UserRow user) {
        if (rowError != null && rowError.username().equals(user.username()) && "roles".equals(rowError.action())) {
            return rowError.roles();
        }
        return user.roles();
    }
}
