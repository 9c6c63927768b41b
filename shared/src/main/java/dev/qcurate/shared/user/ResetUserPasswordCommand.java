package dev.qcurate.shared.user;

/** Set a new password for an account. */
public record ResetUserPasswordCommand(String username, String password) {

    @Override
    public String toString() {
        return "ResetUserPasswordCommand[username=" + username + "]";
    }
}
