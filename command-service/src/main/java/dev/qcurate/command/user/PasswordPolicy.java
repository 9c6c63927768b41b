package dev.qcurate.command.user;

import java.util.Locale;

/**
 * What an admin-set password must be: 12 to 200 characters (BCrypt reads only the first 72 bytes, but length alone is
 * what makes a password strong enough here), not the username, no control characters.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    private PasswordPolicy() {}

    static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("password must have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username.toLowerCase(Locale.ROOT);
        if (lower.equals(name) || name.length() >= 4 && lower.contains(name)) {
            throw new IllegalArgumentException("password must not contain the username");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("password must not contain control characters");
        }
    }
}
