package dev.qcurate.command.curatedlist;

import java.util.regex.Pattern;

/** A list's unique name: 1 to 100 letters, digits, spaces and {@code . _ -}, e.g. a document's name. */
record ListName(String value) {

    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._\\-]{0,99}");

    ListName {
        value = value == null ? "" : value.strip();
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "list name must be 1 to 100 letters, digits, spaces or . _ - and start with a letter or digit");
        }
    }
}
