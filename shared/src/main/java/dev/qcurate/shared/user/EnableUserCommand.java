package dev.qcurate.shared.user;

/** Enable a disabled account. */
public record EnableUserCommand(String username) {}
