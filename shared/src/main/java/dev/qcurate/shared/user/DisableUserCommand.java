package dev.qcurate.shared.user;

/** Disable an account. */
public record DisableUserCommand(String username) {}
