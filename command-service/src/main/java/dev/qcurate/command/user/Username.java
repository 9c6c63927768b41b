package dev.qcurate.command.user;

import java.util.regex.Pattern;

/** A sign-in name: 2 to 64 ASCII letters, digits and {@code . _ @ -}, starting with a letter or digit. */
record Username(String value) {

    static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@\\-]{1,63}");

    Username {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("username must be 2 to " + MAX_LENGTH
                    + " ASCII letters, digits or . _ @ - and start with a letter or digit");
        }
    }
}
