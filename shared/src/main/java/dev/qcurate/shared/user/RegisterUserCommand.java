package dev.qcurate.shared.user;

import java.util.List;

/** Create an account. The password is checked against the policy and hashed; it never reaches an event. */
public record RegisterUserCommand(String username, String password, List<String> roles) {

    @Override
    public String toString() {
        return "RegisterUserCommand[username=" + username + ", roles=" + roles + "]";
    }
}
