package dev.qcurate.shared.user;

import java.util.List;

/** Replace an account's roles. */
public record ChangeUserRolesCommand(String username, List<String> roles) {}
