package dev.qcurate.command.curatedlist;

import java.util.regex.Pattern;

/**
 * The rule of a short name an editor types (a list's name, a release's label): blanks around it do not count, and
 * what is left must match {@code valid} whole, else the input is refused with {@code refusal}.
 */
record NameRule(Pattern valid, String refusal) {

    NameRule(String valid, String refusal) {
        this(Pattern.compile(valid), refusal);
    }

    /** The name as it is stored: stripped, and valid. */
    String apply(String name) {
        String stripped = name == null ? "" : name.strip();
        if (!valid.matcher(stripped).matches()) {
            throw new IllegalArgumentException(refusal);
        }
        return stripped;
    }
}
